package wordpress

import (
	"regexp"
	"strings"
)

// The classic editor stores text with plain line breaks and WordPress adds
// the paragraphs on display (its wpautop function): a blank line ends a
// paragraph, a single line break is a <br>, and block elements stand
// alone. autop does the same, before the HTML is converted, so that the
// Markdown has the paragraphs readers saw. Content of the block editor
// carries its own <p> elements and is left as it is, as WordPress does.

const allBlocks = `(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)`

var (
	autopBrBr      = regexp.MustCompile(`(?i)<br\s*/?>\s*<br\s*/?>`)
	autopOpen      = regexp.MustCompile(`(?i)(<` + allBlocks + `[\s/>])`)
	autopClose     = regexp.MustCompile(`(?i)(</` + allBlocks + `>)`)
	autopHr        = regexp.MustCompile(`(?i)(<hr\s*?/?>)`)
	autopBlank     = regexp.MustCompile(`\n\s*\n`)
	autopEmpty     = regexp.MustCompile(`<p>\s*</p>`)
	autopOnlyBlock = regexp.MustCompile(`(?i)<p>\s*(</?` + allBlocks + `[^>]*>)\s*</p>`)
	autopLi        = regexp.MustCompile(`(?is)<p>(<li.+?)</p>`)
	autopLead      = regexp.MustCompile(`(?i)<p>\s*(</?` + allBlocks + `[^>]*>)`)
	autopTrail     = regexp.MustCompile(`(?i)(</?` + allBlocks + `[^>]*>)\s*</p>`)
	autopBrAfter   = regexp.MustCompile(`(?i)(</?` + allBlocks + `[^>]*>)\s*<br />`)
	autopBrBefore  = regexp.MustCompile(`(?i)<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)`)
	anyTag         = regexp.MustCompile(`<[^>]*>`)
)

// autop adds paragraphs and line breaks to text as WordPress shows it.
func autop(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	parts := splitPre(s) // <pre> keeps its line breaks as they are
	var pres []string
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString("\n\n<!--kimpre-->\n\n")
			pres = append(pres, p)
			continue
		}
		b.WriteString(p)
	}
	s = strings.ReplaceAll(b.String(), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = autopBrBr.ReplaceAllString(s, "\n\n")
	s = autopOpen.ReplaceAllString(s, "\n\n$1")
	s = autopClose.ReplaceAllString(s, "$1\n\n")
	s = autopHr.ReplaceAllString(s, "$1\n\n")
	b.Reset()
	for _, chunk := range autopBlank.Split(s, -1) {
		if chunk = strings.TrimSpace(chunk); chunk != "" {
			b.WriteString("<p>" + chunk + "</p>\n")
		}
	}
	s = b.String()
	s = autopEmpty.ReplaceAllString(s, "")
	s = autopOnlyBlock.ReplaceAllString(s, "$1")
	s = autopLi.ReplaceAllString(s, "$1")
	s = autopLead.ReplaceAllString(s, "$1")
	s = autopTrail.ReplaceAllString(s, "$1")
	s = lineBreaks(s)
	s = autopBrAfter.ReplaceAllString(s, "$1")
	s = autopBrBefore.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "<p><!--kimpre--></p>", "<!--kimpre-->")
	for _, p := range pres {
		s = strings.Replace(s, "<!--kimpre-->", p, 1)
	}
	return s
}

// lineBreaks makes every line break left in text, outside tags, a <br />.
func lineBreaks(s string) string {
	var b strings.Builder
	last := 0
	for _, loc := range anyTag.FindAllStringIndex(s, -1) {
		b.WriteString(breakText(s[last:loc[0]]))
		b.WriteString(s[loc[0]:loc[1]])
		last = loc[1]
	}
	b.WriteString(breakText(s[last:]))
	return b.String()
}

func breakText(t string) string {
	return strings.ReplaceAll(t, "\n", "<br />\n")
}
