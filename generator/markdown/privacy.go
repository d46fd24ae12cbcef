package markdown

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/privacy"
)

// checkRendered reports the identity numbers that a page's rendered HTML
// shows or links to but that the content stage did not find in its
// Markdown source: numbers that only Markdown's own rules (an entity in a
// link, markup across lines) put together. The source check comes first
// because it knows the exact line; here the line is the body line that
// holds the most of the number.
func checkRendered(site *content.Site, page *content.Page, html string) diag.List {
	seen := map[string]int{}
	for _, m := range privacy.FindInMarkdown(string(page.Body)) {
		seen[m.Number]++
	}
	var problems diag.List
	for _, m := range privacy.FindInHTML(html) {
		if seen[m.Number] > 0 {
			seen[m.Number]--
			continue
		}
		if slices.Contains(site.Config.AllowNumbers, m.Number) {
			continue
		}
		problems.Add(page.Path, page.BodyLine+nearestLine(page.Body, m.Number), fmt.Sprintf("angka %s tampak seperti NIK atau nomor KK", privacy.Mask(m.Number)), privacy.Hint)
	}
	return problems
}

// nearestLine returns the index of the body line whose visible digits
// share the longest unbroken stretch with number.
func nearestLine(body []byte, number string) int {
	best, bestLen := 0, 0
	for i, line := range bytes.Split(body, []byte("\n")) {
		if n := commonRun(privacy.Digits(string(line)), number); n > bestLen {
			best, bestLen = i, n
		}
	}
	return best
}

// commonRun is the length of the longest common substring of a and b.
func commonRun(a, b string) int {
	longest := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cur[j] = 0
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
				longest = max(longest, cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return longest
}
