package browsertest

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// layoutProblems lists, for the page in the tab, what a resident on a
// narrow phone would meet: the page wider than the screen, a menu link
// that is not on screen or is covered, and a word broken across two lines.
const layoutProblems = `(() => {
	const out = [];
	const W = document.documentElement.clientWidth;
	if (document.documentElement.scrollWidth > W) {
		let widest = "";
		for (const el of document.querySelectorAll("body *")) {
			const r = el.getBoundingClientRect();
			if (r.right > W + 0.5 && !widest) widest = el.tagName.toLowerCase() + "." + el.className + " right=" + Math.round(r.right);
		}
		out.push("page is " + document.documentElement.scrollWidth + " px wide in " + W + " px: " + widest);
	}
	for (const a of document.querySelectorAll("header nav a")) {
		const r = a.getBoundingClientRect();
		const name = a.textContent.trim();
		if (r.width === 0 || r.height === 0) { out.push("menu link " + name + " is hidden"); continue; }
		if (r.left < 0 || r.right > W + 0.5) { out.push("menu link " + name + " is off screen (" + Math.round(r.left) + "–" + Math.round(r.right) + ")"); continue; }
		const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		if (!hit || (hit !== a && !a.contains(hit))) out.push("menu link " + name + " is covered");
		if (a.scrollWidth > a.clientWidth + 1) out.push("menu link " + name + " is cut off");
	}
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const el = n.parentElement;
		if (!el || el.closest("script,style,.sr,[hidden],code,pre")) continue;
		const box = el.getBoundingClientRect();
		if (box.width <= 2 || box.height <= 2) continue; // visually hidden, for screen readers
		const re = /\S+/g;
		let m;
		while ((m = re.exec(n.data))) {
			const word = m[0];
			// Words that may break: compounds at their hyphen, paths and
			// addresses at their slash, and strings too long for any line.
			if (word.length < 4 || word.length > 24 || /[-\/–—.@_]/.test(word)) continue;
			const range = document.createRange();
			range.setStart(n, m.index);
			range.setEnd(n, m.index + word.length);
			const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
			if (tops.size > 1) out.push("word broken across lines: " + word + " (in " + el.tagName.toLowerCase() + ")");
		}
	}
	return out;
})()`

// TestNarrowScreens opens every page type at 320 and 360 px, the widths
// of the cheap phones residents use: nothing scrolls sideways, every menu
// link is on screen and can be tapped, and no word is split in two.
func TestNarrowScreens(t *testing.T) {
	s := sample(t)
	b := browser(t)
	tabs := make(chan struct{}, 3)
	for _, pt := range pageTypes {
		t.Run(pt.name, func(t *testing.T) {
			t.Parallel()
			tabs <- struct{}{}
			defer func() { <-tabs }()
			ctx, _ := tab(t, b)
			for _, w := range []int64{320, 360} {
				var problems []string
				err := chromedp.Do(ctx,
					width(w),
					chromedp.Navigate(s.url(pt.path, pt.own)),
					chromedp.WaitReady(chromedp.CSS("footer")),
					into(chromedp.Evaluate[[]string](layoutProblems), &problems),
				)
				if err != nil {
					t.Fatalf("%d px: %v", w, err)
				}
				if len(problems) > 0 {
					t.Errorf("%d px:\n\t%s", w, strings.Join(problems, "\n\t"))
				}
			}
		})
	}
}

// TestCitySearch uses the portal's search page: a business of one
// kelurahan is found from the city's page, and its link leads there.
func TestCitySearch(t *testing.T) {
	s := sample(t)
	ctx, rec := tab(t, browser(t))
	var titles []string
	err := chromedp.Do(ctx,
		chromedp.Navigate(s.url("/cari/", "")),
		chromedp.WaitReady(chromedp.CSS("#q")),
		chromedp.Click(chromedp.CSS("#q")),
		chromedp.SendKeys(chromedp.CSS("#q"), "bakso darto"),
		chromedp.WaitVisible(chromedp.CSS("#hasil li a")),
	)
	if err != nil {
		t.Fatal(err)
	}
	want := "Bakso Malang Pak Darto /kauman/umkm/bakso-pak-darto/"
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if err := chromedp.Do(ctx, into(chromedp.Evaluate[[]string](`[...document.querySelectorAll("#hasil li a")].map(a => a.textContent + " " + a.pathname)`), &titles)); err != nil {
			t.Fatal(err)
		}
		if len(titles) > 0 && titles[0] == want {
			break
		}
	}
	if len(titles) == 0 || titles[0] != want {
		t.Errorf("results %q, want first %q", titles, want)
	}
	errs, reqs := rec.take()
	if !strings.Contains(strings.Join(reqs, " "), "/search.json") {
		t.Errorf("the city's index was not loaded: %v", reqs)
	}
	for _, e := range errs {
		t.Error(e)
	}
}
