package wordpress

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
)

// WordPress stores a post as HTML with its own conventions on top: block
// comments of the block editor, the <!--more--> teaser mark, shortcodes in
// square brackets, and links alone on a line that it turns into embeds on
// display. These are resolved here, on the stored HTML, before it is
// converted to Markdown.

var (
	blockComment = regexp.MustCompile(`<!--\s*/?wp:[^>]*?-->`)
	moreComment  = regexp.MustCompile(`<!--\s*(more|nextpage|noteaser)\b[^>]*?-->`)
	captionCode  = regexp.MustCompile(`(?s)\[(caption|wp_caption)([^\]]*)\](.*?)\[/(?:caption|wp_caption)\]`)
	captionImage = regexp.MustCompile(`(?is)^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*</a>)?)(.*)$`)
	galleryCode  = regexp.MustCompile(`\[gallery([^\]]*)\]`)
	embedCode    = regexp.MustCompile(`(?s)\[embed[^\]]*\](.*?)\[/embed\]`)
	serviceCode  = regexp.MustCompile(`\[(youtube|instagram)[= ]([^\]]*)\]`)
	mediaCode    = regexp.MustCompile(`(?s)\[(video|audio)([^\]]*)\](?:(.*?)\[/(?:video|audio)\])?`)
	anyCode      = regexp.MustCompile(`\[([a-z][a-z0-9_-]*)((?:\s+[a-z_-]+=(?:"[^"\]]*"|'[^'\]]*'|[^\s\]]+))+)\s*/?\]`)
	attrRe       = regexp.MustCompile(`([a-z0-9_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))`)
	bareURLLine  = regexp.MustCompile(`(?m)^[ \t]*(https?://[^\s<>"]+)[ \t]*\r?$`)
)

// attrs reads a shortcode's attributes.
func attrs(s string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRe.FindAllStringSubmatch(s, -1) {
		m[a[1]] = html.UnescapeString(a[2] + a[3] + a[4])
	}
	return m
}

// embeds holds the links that must come out of the conversion as a bare
// link alone in a paragraph, the form the markdown stage embeds. They
// travel through the converter as placeholder words, which it leaves as
// they are, so that it cannot escape or wrap the link.
type embeds struct{ urls []string }

func (e *embeds) add(url string) string {
	e.urls = append(e.urls, url)
	return fmt.Sprintf("\n\n<p>%s</p>\n\n", e.token(len(e.urls)-1))
}

func (e *embeds) token(i int) string { return fmt.Sprintf("WPKIMEMBED%dX", i) }

// restore puts the links back in place of their placeholders.
func (e *embeds) restore(md string) string {
	for i := len(e.urls) - 1; i >= 0; i-- {
		md = strings.ReplaceAll(md, e.token(i), e.urls[i])
	}
	return md
}

// shortcodes resolves the conventions in the stored HTML.
func (c *conv) shortcodes(s string) string {
	s = blockComment.ReplaceAllString(s, "")
	s = moreComment.ReplaceAllString(s, "\n\n")
	s = captionCode.ReplaceAllStringFunc(s, func(m string) string {
		sub := captionCode.FindStringSubmatch(m)
		a := attrs(sub[2])
		img, text := sub[3], a["caption"]
		if parts := captionImage.FindStringSubmatch(sub[3]); parts != nil {
			img = parts[1]
			if strings.TrimSpace(parts[2]) != "" {
				text = parts[2]
			}
		}
		if strings.TrimSpace(text) == "" {
			return "\n\n<p>" + img + "</p>\n\n"
		}
		// The caption also describes the photo when it has no alt text.
		c.captions = append(c.captions, strings.TrimSpace(stripTags(text)))
		return fmt.Sprintf("\n\n<p>%s</p>\n\n<p><em>%s</em></p>\n\n", markCaption(img, len(c.captions)-1), strings.TrimSpace(text))
	})
	s = galleryCode.ReplaceAllStringFunc(s, func(m string) string {
		return c.gallery(attrs(galleryCode.FindStringSubmatch(m)[1]))
	})
	s = embedCode.ReplaceAllStringFunc(s, func(m string) string {
		return c.embed(strings.TrimSpace(embedCode.FindStringSubmatch(m)[1]))
	})
	s = serviceCode.ReplaceAllStringFunc(s, func(m string) string {
		sub := serviceCode.FindStringSubmatch(m)
		a := attrs(sub[2])
		u := a["url"]
		if u == "" {
			u = strings.Trim(strings.Fields(sub[2] + " x")[0], `"'`)
		}
		return c.embed(html.UnescapeString(u))
	})
	s = mediaCode.ReplaceAllStringFunc(s, func(m string) string {
		sub := mediaCode.FindStringSubmatch(m)
		a := attrs(sub[2])
		for _, k := range []string{"src", "mp4", "m4v", "webm", "ogv", "mp3", "m4a", "ogg", "wav"} {
			if a[k] != "" {
				return fmt.Sprintf("\n\n<p><a href=\"%s\">%s</a></p>\n\n", html.EscapeString(a[k]), html.EscapeString(mediaLabel(sub[1])))
			}
		}
		return c.embed(strings.TrimSpace(sub[3]))
	})
	for _, m := range anyCode.FindAllStringSubmatch(s, -1) {
		c.warn(fmt.Sprintf("shortcode [%s] tidak dikenal; ditulis apa adanya", m[1]), "Ganti dengan teks atau tautan biasa, atau hapus.")
	}
	return s
}

func mediaLabel(kind string) string {
	if kind == "audio" {
		return "Dengarkan rekaman"
	}
	return "Tonton video"
}

// embed gives what an embeddable link becomes: a link alone in a paragraph.
func (c *conv) embed(u string) string {
	if u == "" {
		return ""
	}
	return c.emb.add(u)
}

// gallery lists a gallery's photos, one paragraph each.
func (c *conv) gallery(a map[string]string) string {
	var ids []int
	list := a["ids"]
	if list == "" {
		list = a["include"]
	}
	for f := range strings.SplitSeq(list, ",") {
		if id, err := strconv.Atoi(strings.TrimSpace(f)); err == nil {
			ids = append(ids, id)
		}
	}
	if list == "" {
		ids = c.imp.children[c.item.ID] // [gallery] alone shows the post's own uploads
	}
	var b strings.Builder
	for _, id := range ids {
		att := c.imp.attachments[id]
		if att == nil {
			c.warn(fmt.Sprintf("foto galeri nomor %d tidak ada di ekspor", id), "Unggah fotonya sendiri ke folder halaman ini bila masih ada.")
			continue
		}
		fmt.Fprintf(&b, "\n\n<p><img src=\"%s\" alt=\"%s\"></p>\n\n", html.EscapeString(att.URL), html.EscapeString(att.Meta["_wp_attachment_image_alt"]))
	}
	return b.String()
}

// markCaption tags a caption's photo so that it can take the caption as
// alt text when it has none.
func markCaption(img string, i int) string {
	return strings.Replace(img, "<img ", fmt.Sprintf("<img data-kim-caption=\"%d\" ", i), 1)
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

func stripTags(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRe.ReplaceAllString(s, " "))), " ")
}

// bareLinks turns links alone on their line, which WordPress embeds on
// display, into the markdown stage's embeds.
func (c *conv) bareLinks(s string) string {
	var out strings.Builder
	// Not inside <pre>: a link there is shown as code.
	for i, part := range splitPre(s) {
		if i%2 == 1 {
			out.WriteString(part)
			continue
		}
		out.WriteString(bareURLLine.ReplaceAllStringFunc(part, func(m string) string {
			return c.embed(html.UnescapeString(strings.TrimSpace(m)))
		}))
	}
	return out.String()
}

var preRe = regexp.MustCompile(`(?is)<pre[\s>].*?</pre>`)

// splitPre splits s into text outside <pre> (even indexes) and <pre>
// elements (odd indexes).
func splitPre(s string) []string {
	var parts []string
	last := 0
	for _, loc := range preRe.FindAllStringIndex(s, -1) {
		parts = append(parts, s[last:loc[0]], s[loc[0]:loc[1]])
		last = loc[1]
	}
	return append(parts, s[last:])
}
