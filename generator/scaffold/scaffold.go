// Package scaffold writes the starting text of new content: a page's front
// matter, and a new kelurahan's entry in sites.yaml.
//
// It takes the content model (package model) and gives bytes for the
// command to write. The keys, their order and their hints come from the
// model's struct tags, so a key added to the model appears here too.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/model"
)

// Placeholder fills a required text that only a person can write; the page
// stays a draft until they do.
const Placeholder = "(isi di sini)"

// hintColumn is where the hint comments start, so that they line up.
const hintColumn = 28

// Page returns a new page's file: front matter with every key the model's
// front is given, each with its hint as a comment, the title and today's
// date filled in. Required values get their first choice or a placeholder.
// With draft set the page starts as a draft.
func Page(front model.Front, title string, now time.Time, draft bool) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	writeStruct(&b, reflect.TypeOf(front).Elem(), "", values{title: title, now: now.In(locale.WIB), draft: draft})
	b.WriteString("---\n\n")
	return b.Bytes()
}

type values struct {
	title string
	now   time.Time
	draft bool
}

func writeStruct(b *bytes.Buffer, t reflect.Type, indent string, v values) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if opts == "inline" {
			writeStruct(b, f.Type, indent, v)
			continue
		}
		if name == "" || name == "-" {
			continue
		}
		h := hint(f)
		if name == "draft" && v.draft {
			h = "Hapus baris ini, atau tulis false, bila sudah siap terbit."
		}
		line(b, indent+name+":"+v.value(name, f), h)
		writeExample(b, f.Type, indent)
	}
}

// value is what a key starts with: empty (YAML null, the same as a
// missing key) unless the page needs it.
func (v values) value(key string, f reflect.StructField) string {
	switch {
	case key == "title":
		return " " + strconv.Quote(v.title)
	case key == "date":
		return " " + v.now.Format("2006-01-02")
	case key == "draft" && v.draft:
		return " true"
	case f.Tag.Get("required") != "true":
		return ""
	case f.Tag.Get("enum") != "":
		first, _, _ := strings.Cut(f.Tag.Get("enum"), ",")
		return " " + first
	case f.Type.Kind() == reflect.Int && key == "year":
		return " " + strconv.Itoa(v.now.Year())
	case f.Type == reflect.TypeFor[model.Date]():
		// An event's start: tomorrow morning, for the volunteer to correct;
		// the page stays a draft until they do.
		return " " + v.now.AddDate(0, 0, 1).Format("2006-01-02") + " 08:00"
	case f.Type.Kind() == reflect.String:
		return " " + strconv.Quote(Placeholder)
	}
	return ""
}

func hint(f reflect.StructField) string {
	h := f.Tag.Get("hint")
	if e := f.Tag.Get("enum"); e != "" {
		h = strings.TrimSpace(h + " Pilih: " + strings.ReplaceAll(e, ",", ", ") + ".")
	}
	if f.Tag.Get("required") == "true" {
		h = "Wajib. " + h
	}
	return h
}

// writeExample shows, as comments, the keys of each item of a list of
// groups (documents, products, sources) or of a group (checked_by).
func writeExample(b *bytes.Buffer, t reflect.Type, indent string) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	list := t.Kind() == reflect.Slice
	if list {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t == reflect.TypeFor[model.Date]() {
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		prefix := indent + "#   "
		if list {
			prefix = indent + "#   - "
			if i > 0 {
				prefix = indent + "#     "
			}
		}
		line(b, prefix+name+":", hint(f))
	}
}

// line writes text with its hint as a comment in the hint column.
func line(b *bytes.Buffer, text, hint string) {
	b.WriteString(text)
	if hint != "" {
		b.WriteString(strings.Repeat(" ", max(1, hintColumn-utf8.RuneCountInString(text))))
		b.WriteString("# ")
		b.WriteString(hint)
	}
	b.WriteByte('\n')
}

// ErrNoSites is returned when sites.yaml has no block list under "sites:"
// to add to.
var ErrNoSites = errors.New(`sites.yaml tidak punya daftar "sites:" yang bisa ditambah`)

// AddSite returns sites.yaml with a new kelurahan appended to its list of
// sites. The rest of the file is kept byte for byte: comments, blank lines
// and order. The entry holds the keys a site requires, with the given
// values (key → value, e.g. "id" → "kauman").
func AddSite(data []byte, values map[string]string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, ErrNoSites
	}
	top := doc.Content[0]
	var seq *yaml.Node
	next := 0 // the line of the top-level key after sites, 0 if none
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "sites" {
			seq = top.Content[i+1]
			if i+2 < len(top.Content) {
				next = top.Content[i+2].Line
			}
		}
	}
	if seq == nil || seq.Kind != yaml.SequenceNode || seq.Style&yaml.FlowStyle != 0 || len(seq.Content) == 0 {
		return nil, ErrNoSites
	}
	entry, err := siteEntry(values, seq.Content[0].Column-3)
	if err != nil {
		return nil, err
	}
	lines := strings.SplitAfter(string(data), "\n")
	at := len(lines)
	if next > 0 {
		at = next - 1
	}
	// Step back over the blank lines and comments that head the next key,
	// or trail the file.
	for at > 0 && (strings.TrimSpace(lines[at-1]) == "" || strings.HasPrefix(lines[at-1], "#")) {
		at--
	}
	if at > 0 && !strings.HasSuffix(lines[at-1], "\n") {
		lines[at-1] += "\n"
	}
	out := strings.Join(lines[:at], "") + "\n" + entry + strings.Join(lines[at:], "")
	return []byte(out), nil
}

// siteEntry encodes one site as a list item, indented to the list's column.
func siteEntry(values map[string]string, indent int) (string, error) {
	m := &yaml.Node{Kind: yaml.MappingNode}
	t := reflect.TypeFor[config.Site]()
	for i := range t.NumField() {
		f := t.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		v, ok := values[key]
		if !ok {
			if f.Tag.Get("required") == "true" {
				return "", fmt.Errorf("nilai %q belum diberikan", key)
			}
			continue
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key},
			&yaml.Node{Kind: yaml.ScalarNode, Value: v})
	}
	data, err := yaml.Marshal(m)
	if err != nil {
		return "", err
	}
	pad := strings.Repeat(" ", max(indent, 0))
	var b strings.Builder
	for i, l := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if i == 0 {
			b.WriteString(pad + "- " + l + "\n")
		} else {
			b.WriteString(pad + "  " + l + "\n")
		}
	}
	return b.String(), nil
}
