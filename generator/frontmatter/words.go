package frontmatter

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/locale"
)

// indonesian maps the words volunteers write for a key, in Bahasa
// Indonesia, to the key itself. They are suggested, not accepted: the web
// editor and the scaffolds read and write the English keys only, so a page
// with "judul:" would open in the web editor with an empty title, and a save
// there would leave two titles in the file. A word may mean different keys
// in different places ("tautan" is a UMKM's links, a source's url): the
// first one the place knows is meant.
var indonesian = map[string][]string{
	"judul": {"title"}, "nama": {"name", "title"}, "nama_usaha": {"title"}, "nama_produk": {"name"},
	"tanggal": {"date"}, "tgl": {"date"}, "tanggal_terbit": {"date"}, "waktu": {"date"},
	"ringkasan": {"summary"}, "rangkuman": {"summary"}, "deskripsi": {"summary"}, "keterangan": {"summary"},
	"gambar": {"image"}, "foto": {"image"}, "gambar_utama": {"image"}, "foto_utama": {"image"}, "sampul": {"image"},
	"keterangan_gambar": {"image_alt"}, "keterangan_foto": {"image_alt"}, "alt": {"image_alt"}, "teks_alternatif": {"image_alt"},
	"penulis": {"author"}, "oleh": {"author"}, "reporter": {"author"}, "wartawan": {"author"},
	"tahun": {"year"}, "tahun_anggaran": {"year"},
	"tahap": {"stage"}, "tahapan": {"stage"}, "status": {"stage"},
	"anggaran": {"budget"}, "biaya": {"budget"}, "pagu": {"budget"}, "dana": {"budget"},
	"sumber_dana": {"funding"}, "pendanaan": {"funding"},
	"lokasi": {"location"}, "tempat": {"location"},
	"kemajuan": {"progress"}, "progres": {"progress"}, "persen": {"progress"},
	"dokumen": {"documents"}, "lampiran": {"documents"}, "berkas": {"file", "documents"},
	"kategori": {"category"}, "jenis": {"category"}, "jenis_usaha": {"category"},
	"pemilik": {"owner"}, "alamat": {"address"},
	"jam_buka": {"hours"}, "jam": {"hours"}, "jam_operasional": {"hours"}, "buka": {"hours"},
	"produk": {"products"}, "harga": {"price"},
	"tautan": {"links", "url"}, "link": {"links", "url"}, "alamat_web": {"url"}, "situs": {"url"},
	"wa": {"whatsapp"}, "no_wa": {"whatsapp"}, "nomor_wa": {"whatsapp"}, "telepon": {"whatsapp"}, "hp": {"whatsapp"},
	"klaim": {"claim"}, "isu": {"claim"},
	"putusan": {"verdict"}, "vonis": {"verdict"}, "hasil": {"verdict"}, "label_hoaks": {"verdict"},
	"sumber_klaim": {"claim_source"}, "beredar_di": {"claim_source"},
	"diperiksa_oleh": {"checked_by"}, "dicek_oleh": {"checked_by"},
	"sumber": {"sources"}, "rujukan": {"sources"}, "referensi": {"sources"},
	"draf": {"draft"}, "konsep": {"draft"},
	"label": {"tags"}, "tag": {"tags"}, "kata_kunci": {"tags"}, "tagar": {"tags"},
}

// normalKey folds a key as a volunteer may have typed it ("Keterangan
// Gambar", "jam-buka") to the form the table above uses.
func normalKey(key string) string {
	key = strings.ToLower(strings.TrimSpace(key))
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return '_'
		}
		return r
	}, key)
}

// meantKey returns the known key a volunteer meant by an unknown one: the
// English for an Indonesian word, or the key it is a typo of.
func meantKey(key string, known []string) (string, bool) {
	if en, ok := englishKey(key, known); ok {
		return en, true
	}
	s := suggestKey(key, known)
	return s, s != ""
}

// englishKey returns the key a volunteer meant by an Indonesian word, when
// it is one of known.
func englishKey(key string, known []string) (string, bool) {
	if contains(known, normalKey(key)) {
		return normalKey(key), true // "Title", "image-alt"
	}
	for _, k := range indonesian[normalKey(key)] {
		if contains(known, k) {
			return k, true
		}
	}
	return "", false
}

// unknownKeyMessage explains a key that is not one of known, with a hint
// that names the exact replacement when there is one. The hint's form
// "Ganti `a` dengan `b`" is the one the volunteer corpus test applies.
func unknownKeyMessage(key string, known []string) (msg, hint string) {
	if en, ok := englishKey(key, known); ok && normalKey(key) == en {
		return fmt.Sprintf("kunci %q ditulis dengan huruf kecil dan garis bawah: %q", key, en),
			fmt.Sprintf("Ganti `%s:` dengan `%s:`.", key, en)
	}
	if en, ok := englishKey(key, known); ok {
		return fmt.Sprintf("kunci %q tidak dikenal; kunci front matter ditulis dalam bahasa Inggris: %q", key, en),
			fmt.Sprintf("Ganti `%s:` dengan `%s:`.", key, en)
	}
	list := "Kunci yang dikenal di sini: " + strings.Join(known, ", ") + "."
	if s := suggestKey(key, known); s != "" {
		return fmt.Sprintf("kunci %q tidak dikenal; maksudnya %q?", key, s), fmt.Sprintf("Ganti `%s:` dengan `%s:`. %s", key, s, list)
	}
	return fmt.Sprintf("kunci %q tidak dikenal", key), list
}

// cleanKey drops the invisible characters that text pasted from Word or a
// web page carries (zero-width spaces and joiners, soft hyphens, a byte
// order mark, no-break spaces) from a key, and the curly quotes Word puts
// around it, so that "title\u00a0" and "“title”" are "title". Values keep
// them: there they are typography.
func cleanKey(key string) string {
	return strings.Trim(strings.Map(func(r rune) rune {
		switch {
		case r == '\u00a0' || r == '\u202f' || r == '\u2007':
			return ' '
		case unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, key), " “”‘’")
}

// suggestKey returns the known key that key is a likely typo of: at most a
// third of its letters (at least two) wrong, so "titel" finds "title" but "gambar" does
// not find "summary").
func suggestKey(key string, known []string) string {
	s := diag.Suggest(key, known)
	if s == "" || diag.Distance(strings.ToLower(key), s) > max(2, len(s)/3) {
		return ""
	}
	return s
}

// unclosedLine returns the first line (1-based) of data whose value opens
// a quote or a bracket that the same line does not close, and that value;
// or 0. yaml.v3 reports such a mistake where the document ends, often
// lines below the one to fix. Values that go on over several lines on
// purpose are rare in front matter and start with | or >, which this
// skips.
func unclosedLine(data []byte) (int, string) {
	for i, l := range strings.Split(string(data), "\n") {
		_, v, ok := strings.Cut(l, ": ")
		if !ok {
			v, ok = strings.CutPrefix(strings.TrimSpace(l), "- ")
		}
		v = strings.TrimSpace(v)
		if ok && opensWithoutClosing(v) {
			return i + 1, v
		}
	}
	return 0, ""
}

func opensWithoutClosing(v string) bool {
	if v == "" {
		return false
	}
	switch v[0] {
	case '"':
		rest := strings.ReplaceAll(v[1:], `\\`, "")
		rest = strings.ReplaceAll(rest, `\"`, "")
		return !strings.Contains(rest, `"`)
	case '\'':
		return strings.Count(v[1:], "'")%2 == 0 // '' is a quote inside
	case '[':
		return strings.Count(v, "[") > strings.Count(v, "]")
	case '{':
		return strings.Count(v, "{") > strings.Count(v, "}")
	}
	return false
}

// closeValue closes what v opened.
func closeValue(v string) string {
	switch v[0] {
	case '[':
		return v + strings.Repeat("]", strings.Count(v, "[")-strings.Count(v, "]"))
	case '{':
		return v + strings.Repeat("}", strings.Count(v, "{")-strings.Count(v, "}"))
	}
	return v + v[:1]
}

// smartQuoteLine returns the line (1-based) of data where a colon stands
// inside curly quotes, and its value: line itself when it holds curly
// quotes, else the first line that does (yaml.v3 gives no line for this
// mistake).
func smartQuoteLine(data []byte, line int) (int, string) {
	lines := strings.Split(string(data), "\n")
	value := func(l string) string {
		_, v, _ := strings.Cut(l, ":")
		return strings.TrimSpace(v)
	}
	if line >= 1 && line <= len(lines) && strings.ContainsAny(lines[line-1], "“”") {
		return line, value(lines[line-1])
	}
	for i, l := range lines {
		v := value(l)
		if open := strings.IndexAny(v, "“”"); open >= 0 && strings.Contains(v[open:], ":") {
			return i + 1, v
		}
	}
	return 0, ""
}

func hasSmartQuoteLine(data []byte, line int) bool {
	l, _ := smartQuoteLine(data, line)
	return l > 0
}

// straightQuotes replaces Word's curly double quotes with YAML's, and
// escapes the straight ones inside.
func straightQuotes(v string) string {
	inner := strings.Trim(v, "“”\" ")
	inner = strings.ReplaceAll(inner, `"`, `\"`)
	inner = strings.NewReplacer("“", `\"`, "”", `\"`).Replace(inner)
	return `"` + inner + `"`
}

// dayFirst matches the dates Indonesians write by hand: 5-11-2026,
// 05/11/2026, 5.11.2026, and 5 November 2026 or 5 Nov 2026, each perhaps
// followed by a time (08.30 or 08:30, perhaps "WIB").
var dayFirst = regexp.MustCompile(`^(?i)(?:[a-z]+,\s*)?(\d{1,2})\s*[-/. ]\s*(\d{1,2}|[a-z]+)\s*[-/. ]\s*(\d{4})(?:,?\s+(?:pukul\s+|jam\s+)?(\d{1,2})[.:](\d{2})(?:\s*WIB)?)?$`)

// isoDate rewrites such a date in the form front matter takes
// ("2026-11-05" or "2026-11-05 08:30"), or returns "" when s is not one
// or names no real day.
func isoDate(s string) string {
	m := dayFirst.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	month, err := strconv.Atoi(m[2])
	if err != nil {
		month = 0
		for i := time.January; i <= time.December; i++ {
			name := strings.ToLower(locale.MonthName(i))
			if w := strings.ToLower(m[2]); w == name || len(w) >= 3 && strings.HasPrefix(name, w) {
				month = int(i)
			}
		}
	}
	day, _ := strconv.Atoi(m[1])
	out := fmt.Sprintf("%s-%02d-%02d", m[3], month, day)
	if m[4] != "" {
		hour, _ := strconv.Atoi(m[4])
		out += fmt.Sprintf(" %02d:%s", hour, m[5])
	}
	if _, ok := ParseDate(out); !ok {
		return ""
	}
	return out
}

// plainNumber returns the whole number a volunteer wrote as money or a
// percentage ("Rp185.000.000", "Rp 1.250.000,-", "50%", "185 juta" is not
// one), or "" when value is not such a number.
func plainNumber(value string) string {
	v := strings.TrimSpace(value)
	v = strings.TrimPrefix(strings.TrimPrefix(v, "Rp."), "Rp")
	v = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(v), ",-"), ",00")
	v = strings.TrimSpace(strings.TrimSuffix(v, "%"))
	digits := strings.ReplaceAll(v, ".", "")
	if digits == "" || digits == value || strings.Trim(digits, "0123456789") != "" || len(digits) > 15 {
		return ""
	}
	if strings.Contains(v, ".") && !thousands.MatchString(v) {
		return "" // 2.5 is not 25
	}
	if n := strings.TrimLeft(digits, "0"); n != "" {
		return n
	}
	return "0"
}

// thousands matches a number grouped by thousands with dots: 185.000.000.
var thousands = regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`)

// unquoteCurly drops the curly quotes around a whole value: "title:
// "Kerja bakti"" typed in Word becomes title: “Kerja bakti”, and the
// volunteer meant YAML's quotes, not a title in quotation marks. Quotes
// inside a value (“Rapat” RW 05) stay: there they are typography.
func unquoteCurly(s string) string {
	inner, ok := strings.CutPrefix(s, "“")
	if !ok {
		return s
	}
	inner, ok = strings.CutSuffix(inner, "”")
	if !ok || strings.ContainsAny(inner, "“”") {
		return s
	}
	return inner
}
