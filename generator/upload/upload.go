// Package upload decides whether a file a volunteer put beside the pages
// (in static/ or in a page bundle) may be published.
//
// Every kelurahan, the city portal and the web editor (/admin/) share one
// origin, so a file that a browser runs as a page there could act as any
// of them: read the editors' login, rewrite another kelurahan's pages.
// What decides is the Content-Type the host sends, which GitHub Pages and
// the preview server take from the extension; a browser may also sniff a
// file whose type it does not know. So a file is published only when
//
//   - its extension is on a short list of types that never run script
//     (photos, documents, audio, video, fonts, plain data: see allowed);
//   - its first bytes do not look like HTML or XML whatever its name says,
//     so that nothing can be sniffed into a page; and
//   - when it is an SVG (which is XML and may hold script), it passes
//     CheckSVG: a real XML parse with an allow-list of elements and
//     attributes.
//
// HTML, XHTML, XML, XSL, JavaScript, .svgz, .mht and anything unknown are
// refused. Check takes the repository as an fs.FS and gives problems at the
// file's path and, for SVG, the line.
package upload

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/kotamalang/kimsite/generator/diag"
)

// allowed lists the extensions that may be published, lower case. Every
// one maps, on GitHub Pages and in the preview server, to a type that a
// browser shows, plays or downloads, but never runs as a page.
var allowed = []string{
	// photos and pictures (SVG is checked by CheckSVG). Not AVIF or HEIC:
	// they carry EXIF (with GPS) that images.Clean cannot remove.
	".jpg", ".jpeg", ".png", ".gif", ".webp", ".ico", ".svg",
	// documents
	".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf", ".epub",
	// plain data
	".txt", ".csv", ".json", ".md",
	// archives
	".zip",
	// audio. Not video: a phone's video records where it was taken, and
	// a kelurahan's videos belong on its YouTube channel.
	".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav",
	// fonts
	".woff", ".woff2", ".ttf", ".otf",
}

// sniffLen is how much of a file a browser looks at to guess its type.
const sniffLen = 512

// Allowed reports whether a file with this name may be published at all.
func Allowed(name string) bool {
	return slices.Contains(allowed, strings.ToLower(path.Ext(name)))
}

// Check reports why the file name (a path in fsys) may not be published,
// at the path shown as display.
func Check(fsys fs.FS, name, display string) diag.List {
	var problems diag.List
	ext := strings.ToLower(path.Ext(name))
	if !Allowed(name) {
		problems.Add(display, 0, refusedMessage(ext), refusedHint(ext))
		return problems
	}
	f, err := fsys.Open(name)
	if err != nil {
		problems.Add(display, 0, "berkas tidak dapat dibaca", "Periksa izin berkasnya.")
		return problems
	}
	defer f.Close()
	if ext == ".svg" {
		if info, err := f.Stat(); err == nil && info.Size() > MaxSVGBytes {
			problems.Add(display, 0, fmt.Sprintf("SVG terlalu besar (%d KB; paling besar %d KB)", info.Size()>>10, MaxSVGBytes>>10), "Sederhanakan gambarnya, atau unggah sebagai PNG atau JPEG.")
			return problems
		}
		line, msg, ok := CheckSVG(io.LimitReader(f, MaxSVGBytes+1))
		if !ok {
			problems.Add(display, line, msg, "SVG di situs ini hanya boleh berisi gambar: tanpa <script>, <foreignObject>, atribut on…, animasi, tautan javascript:/data:, DTD atau entitas. Simpan ulang dari Inkscape sebagai \"Optimized SVG\" atau unggah sebagai PNG.")
		}
		return problems
	}
	head := make([]byte, sniffLen)
	n, _ := io.ReadFull(f, head)
	if looksLikeMarkup(head[:n]) {
		problems.Add(display, 1, fmt.Sprintf("isi berkas ini tampak seperti HTML/XML, bukan %s", strings.TrimPrefix(ext, ".")),
			"Peramban bisa menjalankan berkas ini sebagai halaman di situs semua kelurahan. Unggah berkas aslinya (mis. PDF atau foto), bukan halaman web.")
	}
	return problems
}

// looksLikeMarkup reports whether a browser sniffing head could take it
// for a page: what net/http's sniffer (which follows the WHATWG MIME
// sniffing standard) calls HTML or XML.
func looksLikeMarkup(head []byte) bool {
	ct := http.DetectContentType(head)
	if strings.HasPrefix(ct, "text/html") || strings.HasPrefix(ct, "text/xml") {
		return true
	}
	// The standard sniffs only what starts the file (after white space);
	// a UTF-8 or UTF-16 byte order mark in front must not hide it.
	for _, bom := range [][]byte{{0xEF, 0xBB, 0xBF}, {0xFE, 0xFF}, {0xFF, 0xFE}} {
		if rest, ok := bytes.CutPrefix(head, bom); ok {
			rest = bytes.ReplaceAll(rest, []byte{0}, nil) // UTF-16 as ASCII
			return looksLikeMarkup(rest)
		}
	}
	return false
}

func refusedMessage(ext string) string {
	switch ext {
	case ".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml":
		return fmt.Sprintf("berkas %s (halaman web) tidak boleh diterbitkan dari folder situs", ext)
	case "":
		return "berkas tanpa ekstensi tidak boleh diterbitkan"
	}
	return fmt.Sprintf("berkas %s tidak boleh diterbitkan", ext)
}

func refusedHint(ext string) string {
	switch ext {
	case ".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml":
		return "Semua kelurahan dan halaman penyunting (/admin/) berbagi satu alamat, jadi halaman unggahan bisa menyerang situs lain. Tulis isinya sebagai halaman Markdown (.md), atau unggah sebagai PDF."
	case ".svgz":
		return "Unggah SVG yang tidak dimampatkan (.svg)."
	}
	return "Jenis berkas yang boleh: " + strings.Join(allowed, " ") + "."
}
