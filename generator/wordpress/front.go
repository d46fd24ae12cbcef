package wordpress

import (
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// front is the front matter the import writes, in the order volunteers
// read it. Its keys are those of model.BeritaFront and model.PlainFront:
// nothing the strict front matter decoder would refuse.
type front struct {
	Title    string
	Date     string
	Author   string
	Summary  string
	Tags     []string
	Image    string
	ImageAlt string
	Draft    bool
}

// yaml writes the front matter between its --- lines. Values are written
// plain where YAML reads them back as the same text, and double-quoted
// otherwise, with letters of any script kept as they are (yaml.v3 would
// spell an emoji as \U0001F333).
func (f *front) yaml() string {
	var b strings.Builder
	b.WriteString("---\n")
	line := func(key, val string) {
		if val != "" {
			b.WriteString(key + ": " + scalar(val) + "\n")
		}
	}
	line("title", f.Title)
	if f.Date != "" {
		b.WriteString("date: " + f.Date + "\n")
	}
	line("author", f.Author)
	line("summary", f.Summary)
	if len(f.Tags) > 0 {
		q := make([]string, len(f.Tags))
		for i, t := range f.Tags {
			q[i] = flowScalar(t)
		}
		b.WriteString("tags: [" + strings.Join(q, ", ") + "]\n")
	}
	line("image", f.Image)
	line("image_alt", f.ImageAlt)
	if f.Draft {
		b.WriteString("draft: true\n")
	}
	b.WriteString("---\n")
	return b.String()
}

// scalar writes a one-line string so that YAML reads it back unchanged:
// plain when it is made of letters, digits and everyday punctuation and
// YAML reads it as that text (not a number, a date or true), quoted
// otherwise.
func scalar(s string) string {
	if plain(s, ".,()/+&;–—") {
		return s
	}
	return quote(s)
}

// flowScalar is scalar for an item of a [flow, list], where commas and
// brackets end the item.
func flowScalar(s string) string {
	if plain(s, ".()/+&–—") {
		return s
	}
	return quote(s)
}

func plain(s, punct string) bool {
	for i, r := range s {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r) || (i > 0 && (r == ' ' || r == '-' || r == '_' || strings.ContainsRune(punct, r)))
		if !ok {
			return false
		}
	}
	if s == "" || strings.HasSuffix(s, " ") {
		return false
	}
	var v any
	if yaml.Unmarshal([]byte(s), &v) != nil {
		return false
	}
	got, isString := v.(string)
	return isString && got == s
}

func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "\r", `\r`)
	return `"` + r.Replace(s) + `"`
}
