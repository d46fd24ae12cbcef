// Package browsertest checks the default theme the way residents meet it:
// the sample sites are built, served on 127.0.0.1, and opened in headless
// Chromium driven by chromedp. Its tests check every page type for console
// errors (Content-Security-Policy violations included), run axe-core in
// both colour schemes, read pages with JavaScript disabled, use the search
// box and the YouTube facade, measure the 14 KB budget, watch for requests
// to other hosts, and write screenshots at 360 and 1280 pixels to
// $KIMSITE_SCREENSHOTS (default: kimsite-screenshots in the temp folder).
//
// Chromium is /usr/bin/chromium (or chromium on PATH) and axe-core comes
// from .ci/axe/node_modules (npm ci). Without them the browser tests skip,
// except under CI=true, where they fail.
package browsertest
