package frontmatter

import (
	"bytes"
	"fmt"
	"net/mail"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/phone"
	"github.com/kotamalang/kimsite/generator/safeurl"
)

// Positions maps a key path to its line in the file: "title",
// "documents.0.file", "links.instagram". The empty path is the first line of
// the front matter.
type Positions map[string]int

// Line returns the line of path, falling back to the front matter's start.
func (p Positions) Line(path string) int {
	if l, ok := p[path]; ok {
		return l
	}
	return p[""]
}

// Decode decodes the front matter of f into v, a pointer to a model struct,
// checking every key against v's fields and tags. path names the file in
// the problems it reports.
func Decode(path string, f File, v any) (Positions, []Ref, diag.List) {
	return DecodeYAML(path, f.Front, f.FrontLine, v)
}

// Ref is a file named by a front matter value (a field of kind file or
// image), for the caller to resolve against the content tree.
type Ref struct {
	Key   string // the key path, e.g. "documents.0.file"
	Value string
	Image bool // the file must be an image
	Line  int
}

// DecodeYAML decodes a YAML document into v as Decode does; firstLine is the
// file line of data's first line. sites.yaml is read with it too. The
// Positions are nil when data is not YAML at all.
func DecodeYAML(path string, data []byte, firstLine int, v any) (Positions, []Ref, diag.List) {
	d := &decoder{path: path, offset: firstLine - 1, pos: Positions{"": firstLine}}
	if !utf8.Valid(data) {
		// yaml.v3 would read UTF-16 too, and count lines differently.
		line := 1 + bytes.Count(data[:invalidUTF8(data)], []byte("\n"))
		d.problems.Add(path, d.offset+line, "berkas bukan teks UTF-8", "Simpan ulang berkas dengan pengodean UTF-8 (pilihan \"UTF-8\" di editor teks).")
		return d.pos, d.refs, d.problems
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg, hint := explainYAMLError(err, data)
		if strings.Contains(err.Error(), "tab character") {
			line = tabLine(data, line)
		}
		d.problems.Add(path, d.offset+line, "front matter bukan YAML yang benar: "+msg, hint)
		return nil, nil, d.problems
	}
	if n := countNodes(&doc); n > MaxNodes {
		d.problems.Add(path, d.offset+1, fmt.Sprintf("terlalu banyak kunci dan nilai (%d; paling banyak %d)", n, MaxNodes), "Periksa isinya: berkas ini jauh lebih panjang dari yang wajar.")
		return nil, nil, d.problems
	}
	root := &yaml.Node{Kind: yaml.MappingNode, Line: 1}
	if len(doc.Content) > 0 && doc.Content[0].ShortTag() != "!!null" {
		root = doc.Content[0] // an empty document ("---" alone) has no keys
	}
	if root.Kind != yaml.MappingNode {
		d.add(root, "front matter harus berisi baris \"kunci: nilai\"", `Contoh: title: "Kerja bakti RW 05"`)
		return d.pos, d.refs, d.problems
	}
	d.decodeStruct(root, reflect.ValueOf(v).Elem(), "")
	return d.pos, d.refs, d.problems
}

// MaxNodes is how many YAML nodes (keys, values, list items) one front
// matter or sites.yaml may hold: a city of a hundred kelurahan needs a
// few thousand. Past it, nothing is decoded, so that a file of a million
// keys gives one problem, not a million.
const MaxNodes = 50_000

// maxProblems is how many problems decoding one file reports before it
// stops looking: they are shown a few at a time anyway (diag.PerFile).
const maxProblems = 100

// countNodes counts the nodes of a YAML tree, stopping past MaxNodes.
func countNodes(n *yaml.Node) int {
	count, stack := 0, []*yaml.Node{n}
	for len(stack) > 0 && count <= MaxNodes {
		n, stack = stack[len(stack)-1], stack[:len(stack)-1]
		count++
		stack = append(stack, n.Content...)
	}
	return count
}

type decoder struct {
	path     string
	offset   int // added to YAML lines to give file lines
	pos      Positions
	refs     []Ref
	failed   map[string]bool // key paths whose value was refused
	problems diag.List
}

func (d *decoder) add(n *yaml.Node, msg, hint string) {
	d.problems.Add(d.path, d.offset+n.Line, msg, hint)
}

// field is one decodable struct field and its tags.
type field struct {
	key      string
	index    []int
	required bool
	enum     []string
	kind     string
	min, max *int64
	hint     string
}

// fieldCache holds fieldsOf's answer per struct type. Like encoding/json's
// cache it depends only on the program's types, never on configuration;
// reading the tags again for every page was a tenth of loading a page.
var fieldCache sync.Map // reflect.Type → []field

func fieldsOf(t reflect.Type) []field {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]field)
	}
	fields := readFields(t)
	fieldCache.Store(t, fields)
	return fields
}

func readFields(t reflect.Type) []field {
	var fields []field
	for i := range t.NumField() {
		sf := t.Field(i)
		name, opts, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if opts == "inline" {
			for _, inner := range readFields(sf.Type) {
				inner.index = append([]int{i}, inner.index...)
				fields = append(fields, inner)
			}
			continue
		}
		if name == "" || name == "-" || !sf.IsExported() {
			continue
		}
		f := field{key: name, index: []int{i}, required: sf.Tag.Get("required") == "true",
			kind: sf.Tag.Get("kind"), hint: sf.Tag.Get("hint")}
		if e := sf.Tag.Get("enum"); e != "" {
			f.enum = strings.Split(e, ",")
		}
		f.min, f.max = intTag(sf.Tag.Get("min")), intTag(sf.Tag.Get("max"))
		fields = append(fields, f)
	}
	return fields
}

func intTag(s string) *int64 {
	if s == "" {
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		panic("model: bad number in struct tag: " + s) // a programming mistake, caught by tests
	}
	return &n
}

func keys(fields []field) []string {
	ks := make([]string, len(fields))
	for i, f := range fields {
		ks[i] = f.key
	}
	return ks
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, prefix string) {
	fields := fieldsOf(v.Type())
	seen := map[string]bool{}
	meant := map[string]bool{} // keys written under another name ("judul")
	for i := 0; i+1 < len(n.Content) && len(d.problems) < maxProblems; i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.add(k, "kunci harus berupa kata", "Tulis setiap baris sebagai \"kunci: nilai\".")
			continue
		}
		key := cleanKey(k.Value)
		if seen[key] {
			d.add(k, fmt.Sprintf("kunci %q ditulis dua kali", key), "Hapus salah satunya.")
			continue
		}
		seen[key] = true
		f, ok := lookup(fields, key)
		if !ok {
			msg, hint := unknownKeyMessage(key, keys(fields))
			if en, ok := meantKey(key, keys(fields)); ok {
				meant[en] = true
				// Later checks of the key ("date" required by the
				// section) find it here and do not report it missing.
				if _, set := d.pos[join(prefix, en)]; !set {
					d.pos[join(prefix, en)] = d.offset + k.Line
				}
			}
			d.add(k, msg, hint)
			continue
		}
		path := join(prefix, key)
		d.pos[path] = d.offset + k.Line
		d.decodeValue(val, v.FieldByIndex(f.index), f, path)
	}
	for _, f := range fields {
		if !f.required {
			continue
		}
		fv := v.FieldByIndex(f.index)
		switch {
		case d.failed[join(prefix, f.key)]:
		case !seen[f.key] && meant[f.key]:
			// "judul:" already told the volunteer what to rename.
		case !seen[f.key]:
			d.add(n, fmt.Sprintf("kunci %q wajib diisi", join(prefix, f.key)), f.hint)
		case fv.IsZero() && fv.Kind() == reflect.String:
			d.problems.Add(d.path, d.pos[join(prefix, f.key)], fmt.Sprintf("%q tidak boleh kosong", join(prefix, f.key)), f.hint)
		}
	}
}

func lookup(fields []field, key string) (field, bool) {
	for _, f := range fields {
		if f.key == key {
			return f, true
		}
	}
	return field{}, false
}

var dateType = reflect.TypeFor[model.Date]()

func (d *decoder) decodeValue(n *yaml.Node, v reflect.Value, f field, path string) {
	before := len(d.problems)
	defer func() {
		if len(d.problems) > before { // a refused value is not also a missing one
			if d.failed == nil {
				d.failed = map[string]bool{}
			}
			d.failed[path] = true
		}
	}()
	if n.Kind == yaml.AliasNode {
		// Aliases are never needed in front matter, and refusing them
		// rules out alias bombs.
		d.add(n, "alias YAML (*nama) tidak didukung", "Tulis nilainya langsung.")
		return
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return // an empty value is the same as a missing key
	}
	switch {
	case v.Type() == dateType:
		if d.scalar(n, "sebuah tanggal") {
			d.decodeDate(n, v)
		}
	case v.Kind() == reflect.String:
		if d.scalar(n, "teks") {
			d.decodeString(n, v, f, path)
		}
	case v.Kind() == reflect.Int || v.Kind() == reflect.Int64:
		d.decodeInt(n, v, f)
	case v.Kind() == reflect.Bool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&b) != nil {
			d.add(n, fmt.Sprintf("%q harus bernilai true atau false", path), "")
			return
		}
		v.SetBool(b)
	case v.Kind() == reflect.Slice:
		d.decodeSlice(n, v, f, path)
	case v.Kind() == reflect.Map:
		d.decodeMap(n, v, f, path)
	case v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Struct:
		if d.mapping(n, path) {
			v.Set(reflect.New(v.Type().Elem()))
			d.decodeStruct(n, v.Elem(), path)
		}
	case v.Kind() == reflect.Struct:
		if d.mapping(n, path) {
			d.decodeStruct(n, v, path)
		}
	default:
		panic("frontmatter: unsupported field type " + v.Type().String())
	}
}

func (d *decoder) scalar(n *yaml.Node, what string) bool {
	if n.Kind != yaml.ScalarNode {
		d.add(n, "nilai ini harus berupa "+what+", bukan daftar atau kelompok kunci", "Tulis nilainya di baris yang sama dengan kuncinya.")
		return false
	}
	return true
}

func (d *decoder) mapping(n *yaml.Node, path string) bool {
	if n.Kind != yaml.MappingNode {
		d.add(n, fmt.Sprintf("%q harus berisi kunci-kunci di bawahnya", path), "Contoh:\n      "+path+":\n        name: ...")
		return false
	}
	return true
}

func (d *decoder) decodeString(n *yaml.Node, v reflect.Value, f field, path string) {
	s := unquoteCurly(strings.TrimSpace(dropControls(n.Value)))
	switch {
	case len(f.enum) > 0 && !contains(f.enum, s):
		msg := fmt.Sprintf("nilai %q tidak dikenal untuk %q", s, f.key)
		hint := "Pilih salah satu: " + strings.Join(f.enum, ", ") + "."
		if sug := diag.Suggest(s, f.enum); sug != "" {
			msg += fmt.Sprintf("; maksudnya %q?", sug)
			hint = fmt.Sprintf("Ganti `%s` dengan `%s`. %s", s, sug, hint)
		}
		d.add(n, msg, hint)
		return
	case f.kind == "url":
		if err := safeurl.CheckAbsolute(s); err != nil {
			d.add(n, fmt.Sprintf("tautan %q ditolak: %v", s, err), "Tulis alamat lengkap, mis. https://contoh.id/halaman.")
			return
		}
	case f.kind == "email":
		if a, err := mail.ParseAddress(s); err != nil || a.Address != s {
			d.add(n, fmt.Sprintf("alamat email %q tidak dikenali", s), "Tulis seperti kim.kauman@example.id.")
			return
		}
	case f.kind == "phone":
		if _, ok := phone.WhatsApp(s); !ok {
			d.add(n, fmt.Sprintf("nomor WhatsApp %q tidak dikenali", s), "Tulis seperti 0812-3456-7890 atau +62 812-3456-7890.")
			return
		}
	case f.kind == "file" || f.kind == "image":
		if strings.Contains(s, `\`) {
			d.add(n, fmt.Sprintf("path %q memakai garis miring terbalik (\\)", s), "Pakai garis miring biasa (/), mis. foto/rapat.jpg.")
			return
		}
		if !safeurl.IsRelative(s) {
			d.add(n, fmt.Sprintf("%q harus berupa nama berkas di situs ini, bukan tautan", s), "Simpan berkasnya di samping halaman atau di folder static/, lalu tulis namanya.")
			return
		}
		d.refs = append(d.refs, Ref{Key: path, Value: s, Image: f.kind == "image", Line: d.offset + n.Line})
	}
	v.SetString(s)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (d *decoder) decodeInt(n *yaml.Node, v reflect.Value, f field) {
	var i int64
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&i) != nil {
		hint := "Tulis angka saja, mis. 185000000."
		if n.Kind == yaml.ScalarNode && strings.ContainsAny(n.Value, ".,") {
			hint = "Tulis tanpa titik, koma atau \"Rp\": mis. 185000000 untuk Rp185.000.000."
		}
		if digits := plainNumber(n.Value); n.Kind == yaml.ScalarNode && digits != "" {
			hint = fmt.Sprintf("Ganti `%s` dengan `%s`: angka saja, tanpa titik, \"Rp\" atau \"%%\".", n.Value, digits)
		}
		d.add(n, fmt.Sprintf("%q harus berupa angka bulat, bukan %q", f.key, n.Value), hint)
		return
	}
	if f.min != nil && i < *f.min || f.max != nil && i > *f.max {
		d.add(n, fmt.Sprintf("%q bernilai %d, di luar batas %s", f.key, i, bounds(f)), "")
		return
	}
	if v.OverflowInt(i) {
		d.add(n, fmt.Sprintf("%q terlalu besar", f.key), "")
		return
	}
	v.SetInt(i)
}

func bounds(f field) string {
	switch {
	case f.min != nil && f.max != nil:
		return fmt.Sprintf("%d sampai %d", *f.min, *f.max)
	case f.min != nil:
		return fmt.Sprintf("paling kecil %d", *f.min)
	default:
		return fmt.Sprintf("paling besar %d", *f.max)
	}
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, f field, path string) {
	if n.Kind != yaml.SequenceNode {
		hint := "Tulis sebagai daftar, mis. [" + n.Value + "] atau satu butir per baris diawali \"- \"."
		if n.Kind == yaml.ScalarNode && n.Style == 0 && n.Value != "" && !strings.Contains(n.Value, "\n") {
			hint = fmt.Sprintf("Ganti `%s` dengan `[%s]`: daftar ditulis dalam kurung siku, butirnya dipisah koma.", n.Value, n.Value)
		}
		d.add(n, fmt.Sprintf("%q harus berupa daftar", path), hint)
		return
	}
	elem := v.Type().Elem()
	out := reflect.MakeSlice(v.Type(), 0, len(n.Content))
	for i, item := range n.Content {
		itemPath := join(path, strconv.Itoa(i))
		d.pos[itemPath] = d.offset + item.Line
		ev := reflect.New(elem).Elem()
		d.decodeValue(item, ev, field{key: f.key, kind: f.kind, enum: f.enum}, itemPath)
		out = reflect.Append(out, ev)
	}
	v.Set(out)
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, f field, path string) {
	if !d.mapping(n, path) {
		return
	}
	out := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	for i := 0; i+1 < len(n.Content) && len(d.problems) < maxProblems; i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.add(k, "kunci harus berupa kata", "")
			continue
		}
		itemPath := join(path, k.Value)
		d.pos[itemPath] = d.offset + k.Line
		ev := reflect.New(v.Type().Elem()).Elem()
		d.decodeValue(val, ev, field{key: k.Value, kind: f.kind}, itemPath)
		out.SetMapIndex(reflect.ValueOf(k.Value), ev)
	}
	v.Set(out)
}

var dateShape = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)

func (d *decoder) decodeDate(n *yaml.Node, v reflect.Value) {
	s := strings.TrimSpace(strings.ReplaceAll(unquoteCurly(n.Value), "\u00a0", " "))
	t, ok := ParseDate(s)
	if !ok {
		if m := dateShape.FindStringSubmatch(s); m != nil {
			d.add(n, fmt.Sprintf("tanggal %q tidak ada di kalender", s), "Periksa bulan (01–12) dan tanggalnya: April, Juni, September dan November 30 hari, Februari 28 atau 29 hari.")
		} else {
			hint := "Tulis TAHUN-BULAN-TANGGAL, mis. 2026-11-05, atau dengan jam: 2026-11-05 08:30."
			if iso := isoDate(s); iso != "" {
				hint = fmt.Sprintf("Ganti `%s` dengan `%s` (TAHUN-BULAN-TANGGAL).", s, iso)
			}
			d.add(n, fmt.Sprintf("format tanggal %q tidak dikenali", s), hint)
		}
		return
	}
	// Only the plain layout is ten characters long: a date with no time.
	v.Set(reflect.ValueOf(model.Date{Time: t, DateOnly: len(s) == len("2006-01-02")}))
}

// invalidUTF8 returns the offset of the first byte of data that is not
// valid UTF-8.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// ParseDate reads a date as volunteers write it: "2026-11-05", with a time
// ("2026-11-05 08:30", "2026-11-05T08:30:00"), or RFC 3339 with an offset.
// Without an offset the time is in WIB.
func ParseDate(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, locale.WIB); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// yamlLine matches the position yaml.v3 puts at the start of its syntax
// errors. yaml.v3 gives no structured position for syntax errors, so this is
// the one place where a position is read from an error's text.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// explainYAMLError turns a yaml.v3 syntax error into a line and a message
// and hint a volunteer can act on.
func explainYAMLError(err error, data []byte) (line int, msg, hint string) {
	text := err.Error()
	line = 1
	if m := yamlLine.FindStringSubmatch(text); m != nil {
		line, _ = strconv.Atoi(m[1])
		text = m[2]
	} else {
		text = strings.TrimPrefix(text, "yaml: ")
	}
	switch {
	case strings.Contains(text, "mapping values are not allowed") && hasSmartQuoteLine(data, line):
		l, value := smartQuoteLine(data, line)
		return l, "ada titik dua (:) di dalam nilai yang diapit tanda kutip miring (“ ”)",
			fmt.Sprintf("Ganti `%s` dengan `%s`: tanda kutip miring dari Word tidak dihitung sebagai tanda kutip YAML.", value, straightQuotes(value))
	case strings.Contains(text, "tab character"):
		return line, "ada tab di awal baris; YAML hanya menerima spasi untuk indentasi",
			"Ganti tab di awal baris dengan spasi, sama banyak dengan baris di atasnya."
	case strings.Contains(text, "escape"), strings.Contains(text, "hexdecimal"):
		return line, "ada garis miring terbalik (\\) yang tidak dikenali di dalam tanda kutip ganda",
			`Tulis \\ untuk garis miring terbalik, atau apit nilainya dengan tanda kutip tunggal: 'C:\data'.`
	case strings.Contains(text, "anchor"), strings.Contains(text, "alias"):
		return line, "nilai diawali * atau &, yang dibaca YAML sebagai rujukan",
			`Apit nilainya dengan tanda kutip: title: "*Penting* kerja bakti".`
	case strings.Contains(text, "control characters"), strings.Contains(text, "Unicode"), strings.Contains(text, "UTF-"):
		return line, "ada karakter tak terlihat yang tidak boleh ada di front matter",
			"Ketik ulang baris ini; karakter itu biasanya ikut tersalin dari dokumen lain."
	case strings.Contains(text, "directive"), strings.Contains(text, "YAML document"), strings.Contains(text, "document indicator"):
		return line, "baris yang diawali tanda persen atau --- tidak dikenali di front matter",
			"Apit nilainya dengan tanda kutip, atau hapus baris itu."
	case strings.Contains(text, "mapping values are not allowed"):
		return line, "ada titik dua (:) di tempat yang tidak terduga",
			`Bila nilainya berisi titik dua, apit dengan tanda kutip: title: "Rapat RW: hasil dan rencana".`
	case strings.Contains(text, "found character that cannot start any token"):
		return line, "ada karakter yang tidak boleh berada di awal nilai (sering kali tab)",
			"Ganti tab dengan spasi, atau apit nilainya dengan tanda kutip."
	case strings.Contains(text, "could not find expected ':'"):
		return line, "baris ini tidak memiliki titik dua (:)", "Setiap baris ditulis \"kunci: nilai\"."
	case strings.Contains(text, "did not find expected key"), strings.Contains(text, "did not find expected '-' indicator"):
		return line, "indentasi (spasi di awal baris) tidak rata", "Samakan jumlah spasi di awal baris dengan baris di atasnya."
	case strings.Contains(text, "found unexpected end of stream"), strings.Contains(text, "did not find expected"):
		hint := "Periksa pasangan tanda kutip \"...\" dan kurung [...]."
		if open, value := unclosedLine(data); open > 0 {
			line = open // yaml.v3 reports where it gave up, lines below
			hint = fmt.Sprintf("Ganti `%s` dengan `%s`: tutup di akhir nilainya.", value, closeValue(value))
		}
		return line, "ada tanda kutip atau kurung yang tidak ditutup", hint
	}
	// Never show yaml.v3's English: a volunteer could not act on it.
	return line, "penulisan YAML pada baris ini tidak dikenali", "Periksa penulisan \"kunci: nilai\" pada baris ini dan di atasnya; apit nilai yang berisi tanda baca dengan tanda kutip."
}

// tabLine returns the first line from line on (1-based, in data) that is
// indented with a tab: yaml.v3 sometimes puts a tab error on the line
// before it.
func tabLine(data []byte, line int) int {
	for i, l := range bytes.Split(data, []byte("\n")) {
		indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
		if i+1 >= line && bytes.IndexByte(indent, '\t') >= 0 {
			return i + 1
		}
	}
	return line
}
