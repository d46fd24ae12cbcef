package cms

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/kotamalang/kimsite/generator/model"
)

// Field is one field of a Decap CMS collection. Decap treats a field as
// required unless told otherwise, so Required is always written.
type Field struct {
	Label     string   `yaml:"label"`
	Name      string   `yaml:"name"`
	Widget    string   `yaml:"widget"`
	Required  bool     `yaml:"required"`
	Hint      string   `yaml:"hint,omitempty"`
	Options   []string `yaml:"options,omitempty"`
	ValueType string   `yaml:"value_type,omitempty"`
	Min       *int64   `yaml:"min,omitempty"`
	Max       *int64   `yaml:"max,omitempty"`
	Step      int      `yaml:"step,omitempty"`
	Pattern   []string `yaml:"pattern,omitempty"`
	Default   any      `yaml:"default,omitempty"`
	ChooseURL *bool    `yaml:"choose_url,omitempty"`

	// datetime
	Format     string `yaml:"format,omitempty"`
	DateFormat string `yaml:"date_format,omitempty"`
	TimeFormat any    `yaml:"time_format,omitempty"` // a format, or false for a date alone

	// list and object
	Collapsed bool    `yaml:"collapsed,omitempty"`
	Summary   string  `yaml:"summary,omitempty"`
	ItemLabel string  `yaml:"label_singular,omitempty"`
	Fields    []Field `yaml:"fields,omitempty"`
}

// DateFormat is how the editor writes dates: one of the forms the front
// matter decoder reads, in WIB since it has no offset.
const DateFormat = "YYYY-MM-DD HH:mm"

// DayFormat is how the editor writes a date without a time (kind "day").
const DayFormat = "YYYY-MM-DD"

// urlPattern mirrors safeurl's policy for the browser: Decap checks it
// before saving, the validator checks it again in CI.
var urlPattern = []string{`^(https?://|mailto:|tel:)\S+$`, "Tulis alamat lengkap, diawali https://"}

// phonePattern is a loose first check of a WhatsApp number; package phone,
// run by the validator, has the last word.
var phonePattern = []string{`^\+?[0-9 ().-]{9,20}$`, "Tulis seperti 0812-3456-7890 atau +62 812-3456-7890"}

// dateType is the model's date, which the editor shows as a date picker.
var dateType = reflect.TypeFor[model.Date]()

// Fields returns the editor's fields for a front matter struct type, in the
// order of its struct fields, driven by the same tags the validator reads.
// dateRequired makes the shared "date" key required, as the section's spec
// says.
func Fields(t reflect.Type, dateRequired bool) []Field {
	var fields []Field
	for i := range t.NumField() {
		sf := t.Field(i)
		name, opts, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if opts == "inline" {
			fields = append(fields, Fields(sf.Type, dateRequired)...)
			continue
		}
		if name == "" || name == "-" || !sf.IsExported() {
			continue
		}
		f := field(sf, name)
		if name == "date" && dateRequired {
			f.Required = true
		}
		fields = append(fields, f)
	}
	return fields
}

// field maps one struct field to its widget.
func field(sf reflect.StructField, name string) Field {
	f := Field{
		Name:     name,
		Label:    cmpOr(sf.Tag.Get("label"), name),
		Hint:     sf.Tag.Get("hint"),
		Required: sf.Tag.Get("required") == "true",
	}
	t := sf.Type
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == dateType && sf.Tag.Get("kind") == "day":
		f.Widget, f.Format, f.DateFormat, f.TimeFormat = "datetime", DayFormat, "D MMMM YYYY", false
	case t == dateType:
		f.Widget, f.Format, f.DateFormat, f.TimeFormat = "datetime", DateFormat, "D MMMM YYYY", "HH.mm"
	case t.Kind() == reflect.String:
		f.Widget = "string"
		if e := sf.Tag.Get("enum"); e != "" {
			f.Widget, f.Options = "select", strings.Split(e, ",")
		} else {
			kindWidget(&f, sf.Tag.Get("kind"))
		}
	case t.Kind() == reflect.Bool:
		f.Widget, f.Default = "boolean", false
	case t.Kind() == reflect.Int || t.Kind() == reflect.Int64:
		f.Widget, f.ValueType, f.Step = "number", "int", 1
		f.Min, f.Max = intTag(sf.Tag.Get("min")), intTag(sf.Tag.Get("max"))
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		f.Widget = "list" // a plain list of words: tags
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		f.Widget, f.Collapsed = "list", true
		f.Fields = Fields(t.Elem(), false)
		f.Summary = "{{fields." + f.Fields[0].Name + "}}"
		f.ItemLabel = singular(f.Label)
	case t.Kind() == reflect.Struct:
		f.Widget, f.Collapsed = "object", true
		f.Fields = Fields(t, false)
		if !f.Required {
			// Decap would insist on the inner required fields even when
			// the group is left empty; the validator still checks them
			// once the group is filled in.
			for i := range f.Fields {
				f.Fields[i].Required = false
			}
		}
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String && t.Elem().Kind() == reflect.String:
		// Decap has no widget for free keys: offer the keys the model names.
		f.Widget, f.Collapsed = "object", true
		for _, k := range strings.Split(sf.Tag.Get("keys"), ",") {
			if k == "" {
				panic("cms: map field " + sf.Name + " needs a keys tag") // a model mistake, caught by tests
			}
			sub := Field{Name: k, Label: k, Widget: "string"}
			kindWidget(&sub, sf.Tag.Get("kind"))
			f.Fields = append(f.Fields, sub)
		}
	default:
		panic("cms: unsupported field type " + t.String()) // a model mistake, caught by tests
	}
	return f
}

// kindWidget picks the widget for a string field of a kind.
func kindWidget(f *Field, kind string) {
	no := false
	switch kind {
	case "image":
		f.Widget, f.ChooseURL = "image", &no
	case "file":
		f.Widget, f.ChooseURL = "file", &no
	case "url":
		f.Pattern = urlPattern
	case "phone":
		f.Pattern = phonePattern
	}
}

// singular names one item of a list for its "add" button. Indonesian nouns
// are the same in the singular ("Produk", "Dokumen", "Sumber"); only a
// note in parentheses such as "(Rp)" is dropped.
func singular(label string) string {
	if i := strings.Index(label, " ("); i > 0 {
		return label[:i]
	}
	return label
}

func intTag(s string) *int64 {
	if s == "" {
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		panic(fmt.Sprintf("cms: bad number in struct tag: %q", s)) // a model mistake, caught by tests
	}
	return &n
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// reflectType is the struct type behind a front matter value.
func reflectType(v model.Front) reflect.Type { return reflect.TypeOf(v).Elem() }
