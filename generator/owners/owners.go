// Package owners turns sites.yaml into GitHub's CODEOWNERS file, so that each
// KIM may change only its own kelurahan's folder.
//
// It takes the checked City and gives the file's bytes (File), or compares
// them with the file in the repository (Check). content/<site>/ belongs to
// that site's editors; everything else (the theme, the engine, the command,
// the workflows, sites.yaml, the Go module, CI) belongs to the maintainers.
// CODEOWNERS only binds when the branch protection of the main branch
// requires a code owner's review; generator/cms/README.md says how to
// set that up.
package owners

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/diag"
)

// Path is where GitHub reads the owners from, relative to the repository.
const Path = ".github/CODEOWNERS"

// maintained are the paths that only the maintainers may change. The
// catch-all "*" comes first so that anything not named here (README)
// falls to them too; CODEOWNERS lets the last matching line win.
var maintained = []string{
	"/sites.yaml", "/themes/", "/generator/", "/cmd/", "/.github/", "/.ci/", "/go.mod", "/go.sum",
}

// File returns the CODEOWNERS file for city.
func File(city *config.City) []byte {
	var b bytes.Buffer
	b.WriteString("# Dibuat oleh \"kimsite codeowners\" dari sites.yaml. Jangan disunting langsung:\n")
	b.WriteString("# ubah editors/maintainers di sites.yaml lalu jalankan kimsite codeowners.\n\n")
	maint := strings.Join(city.Maintainers, " ")
	if maint == "" {
		b.WriteString("# sites.yaml belum menyebut maintainers: tema dan mesin belum punya pemilik.\n")
	} else {
		b.WriteString("# Pengelola: tema, mesin, workflow dan daftar kelurahan.\n")
		fmt.Fprintf(&b, "* %s\n", maint)
		for _, p := range maintained {
			fmt.Fprintf(&b, "%s %s\n", p, maint)
		}
	}
	b.WriteString("\n# Setiap KIM memiliki folder kelurahannya sendiri.\n")
	for _, s := range city.Sites {
		if s == nil || s.ID == "" {
			continue
		}
		owners := strings.Join(s.Editors, " ")
		if owners == "" {
			// A site without editors stays with the maintainers rather
			// than with nobody, which GitHub would read as "anyone".
			owners = maint
		}
		if owners == "" {
			fmt.Fprintf(&b, "# /content/%s/ belum punya editors\n", s.ID)
			continue
		}
		fmt.Fprintf(&b, "/content/%s/ %s\n", s.ID, owners)
	}
	return b.Bytes()
}

// Check compares the CODEOWNERS file in root with the one sites.yaml gives,
// and reports the first line that differs as an error: a stale file gives
// folders to the wrong people.
//
// A missing file is only a warning when sites.yaml names editors or
// maintainers (and nothing when it names nobody). Deleting the file cannot
// sneak through review: GitHub applies the base branch's CODEOWNERS to a pull
// request, and .github/ belongs to the maintainers. A new repository, or a
// city that does not use GitHub's reviews, can still check and build.
func Check(root fs.FS, city *config.City) diag.List {
	var problems diag.List
	const hint = "Jalankan kimsite codeowners lalu commit .github/CODEOWNERS bersama sites.yaml."
	want := File(city)
	var have []byte
	info, err := fs.Stat(root, Path)
	if err == nil && (!info.Mode().IsRegular() || info.Size() > 1<<20) {
		// Never open a FIFO or a device: reading it would not end.
		problems.Add(Path, 0, ".github/CODEOWNERS bukan berkas teks biasa", hint)
		return problems
	}
	if err == nil {
		have, err = fs.ReadFile(root, Path)
	}
	if err != nil {
		if namesOwners(city) {
			problems.Warn(Path, 0, "berkas .github/CODEOWNERS belum ada, jadi editors dan maintainers di sites.yaml belum berlaku", "Jalankan kimsite codeowners lalu commit .github/CODEOWNERS.")
		}
		return problems
	}
	have = bytes.ReplaceAll(have, []byte("\r\n"), []byte("\n"))
	if bytes.Equal(have, want) {
		return problems
	}
	line, got, expected := firstDiff(string(have), string(want))
	var msg string
	switch {
	case got == "" && expected == "":
		msg = ".github/CODEOWNERS tidak sesuai dengan sites.yaml: akhir berkasnya berbeda"
	case expected == "":
		msg = fmt.Sprintf(".github/CODEOWNERS tidak sesuai dengan sites.yaml: baris %q tidak ada di sites.yaml", got)
	case got == "":
		msg = fmt.Sprintf(".github/CODEOWNERS tidak sesuai dengan sites.yaml: baris %q belum ada", expected)
	default:
		msg = fmt.Sprintf(".github/CODEOWNERS tidak sesuai dengan sites.yaml: tertulis %q, seharusnya %q", got, expected)
	}
	problems.Add(Path, line, msg, hint)
	return problems
}

func namesOwners(city *config.City) bool {
	if len(city.Maintainers) > 0 {
		return true
	}
	for _, s := range city.Sites {
		if s != nil && len(s.Editors) > 0 {
			return true
		}
	}
	return false
}

// firstDiff returns the first line (1-based) where have and want differ,
// with both versions of it ("" past the end of a file).
func firstDiff(have, want string) (int, string, string) {
	h := strings.Split(strings.TrimSuffix(have, "\n"), "\n")
	w := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
	for i := 0; i < max(len(h), len(w)); i++ {
		var a, b string
		if i < len(h) {
			a = h[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return i + 1, a, b
		}
	}
	return len(h), "", "" // only the final newline differs
}
