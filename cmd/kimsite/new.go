package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/owners"
	"github.com/kotamalang/kimsite/generator/scaffold"
	"github.com/kotamalang/kimsite/generator/slug"
)

// newFlags are the flags of "new". Its arguments and flags mix in any
// order, which package flag does not parse, so newArgs does; the FlagSet
// says which flags there are and gives the help.
func newFlags() *flag.FlagSet {
	flags := flag.NewFlagSet("new", flag.ContinueOnError)
	flags.String("root", ".", "folder repositori")
	flags.String("kecamatan", "", "new site: kecamatan kelurahan baru (wajib)")
	return flags
}

// newArgs splits the arguments of "new" into flags (--name value or
// --name=value, anywhere) and the rest, in order.
func newArgs(args []string, known *flag.FlagSet) (flags map[string]string, rest []string, err error) {
	flags = map[string]string{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			rest = append(rest, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if known.Lookup(name) == nil {
			return nil, nil, fmt.Errorf("opsi %s tidak dikenal", a)
		}
		if !hasValue {
			if i+1 >= len(args) {
				return nil, nil, fmt.Errorf("opsi %s perlu nilai", a)
			}
			i++
			value = args[i]
		}
		flags[name] = value
	}
	return flags, rest, nil
}

// runNew scaffolds a page, or with "site" a kelurahan.
func runNew(args []string, stdout, stderr io.Writer, now time.Time) int {
	known := newFlags()
	if slices.ContainsFunc(args, isHelp) {
		commandUsage(stdout, known)
		return exitOK
	}
	flags, rest, err := newArgs(args, known)
	if err != nil {
		fmt.Fprintf(stderr, "kimsite new: %v\n\n", err)
		commandUsage(stderr, known)
		return exitUsage
	}
	root := flags["root"]
	if root == "" {
		root = "."
	}
	if len(rest) > 0 && rest[0] == "site" {
		return newSite(root, rest[1:], flags["kecamatan"], stdout, stderr, now)
	}
	if len(rest) != 3 {
		return usageError(stderr, "new", `tulis: kimsite new KELURAHAN BAGIAN "Judul", mis. kimsite new kauman berita "Kerja bakti RW 05"`)
	}
	return newPage(root, rest[0], rest[1], rest[2], stdout, stderr, now)
}

// readCity reads sites.yaml as far as it can be read.
func readCity(root string) (*config.City, []byte, error) {
	data, err := os.ReadFile(filepath.Join(root, config.File))
	if err != nil {
		return nil, nil, fmt.Errorf("berkas %s tidak ditemukan di %q; jalankan di folder repositori atau pakai --root", config.File, root)
	}
	city, _, _ := config.Parse(data)
	if city == nil {
		return nil, nil, fmt.Errorf("%s tidak dapat dibaca; jalankan kimsite check untuk melihat sebabnya", config.File)
	}
	return city, data, nil
}

func siteIDs(city *config.City) []string {
	var ids []string
	for _, s := range city.Sites {
		if s != nil && s.ID != "" {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

func newPage(root, site, section, title string, stdout, stderr io.Writer, now time.Time) int {
	city, _, err := readCity(root)
	if err != nil {
		return usageError(stderr, "new", err.Error())
	}
	if city.Site(site) == nil {
		return usageError(stderr, "new", fmt.Sprintf("kelurahan %q tidak ada di sites.yaml%s; yang ada: %s", site, didYouMean(site, siteIDs(city)), strings.Join(siteIDs(city), ", ")))
	}
	spec, ok := model.Section(section)
	if !ok {
		return usageError(stderr, "new", fmt.Sprintf("bagian %q tidak dikenal%s; yang ada: %s", section, didYouMean(section, model.SectionNames()), strings.Join(model.SectionNames(), ", ")))
	}
	name := slug.Make(title)
	if strings.TrimSpace(title) == "" || name == "" {
		return usageError(stderr, "new", fmt.Sprintf("judul %q tidak bisa dijadikan nama berkas; pakai huruf atau angka", title))
	}
	rel := filepath.ToSlash(filepath.Join("content", site, section, name+".md"))
	if err := createFile(root, rel, scaffold.Page(spec.New(), strings.TrimSpace(title), now, true)); err != nil {
		fmt.Fprintf(stderr, "kimsite new: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "Dibuat: %s\n    Isi kunci-kuncinya dan tulisannya, lalu hapus baris \"draft: true\" bila sudah siap terbit.\n    Lihat hasilnya dengan: kimsite serve\n", rel)
	return exitOK
}

func didYouMean(word string, candidates []string) string {
	if s := diag.Suggest(word, candidates); s != "" {
		return fmt.Sprintf(" (maksudnya %q?)", s)
	}
	return ""
}

// createFile writes a new file under root, making its folders, and never
// replaces one that exists.
func createFile(root, rel string, data []byte) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s sudah ada dan tidak ditimpa; pakai judul lain, atau sunting berkas itu", rel)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func newSite(root string, args []string, kecamatan string, stdout, stderr io.Writer, now time.Time) int {
	if len(args) != 2 || strings.TrimSpace(kecamatan) == "" {
		return usageError(stderr, "new", `tulis: kimsite new site ID "Kelurahan X" --kecamatan KECAMATAN`)
	}
	id, name := args[0], strings.TrimSpace(args[1])
	city, data, err := readCity(root)
	if err != nil {
		return usageError(stderr, "new", err.Error())
	}
	switch {
	case !slug.Valid(id):
		return usageError(stderr, "new", fmt.Sprintf("id %q tidak boleh dipakai sebagai alamat; pakai huruf kecil, angka dan tanda hubung, mis. %q", id, slug.Make(id)))
	case slices.Contains(config.Reserved, id):
		return usageError(stderr, "new", fmt.Sprintf("id %q sudah dipakai oleh portal kota; pilih id lain", id))
	case city.Site(id) != nil:
		return usageError(stderr, "new", fmt.Sprintf("kelurahan %q sudah ada di sites.yaml", id))
	case name == "":
		return usageError(stderr, "new", "nama kelurahan tidak boleh kosong")
	}
	out, err := scaffold.AddSite(data, map[string]string{"id": id, "name": name, "kecamatan": strings.TrimSpace(kecamatan)})
	if err != nil {
		fmt.Fprintf(stderr, "kimsite new: %v\n    Tambahkan kelurahannya sendiri di bawah \"sites:\".\n", err)
		return exitContent
	}
	added, _, problems := config.Parse(out)
	if added == nil || added.Site(id) == nil || problems.Errors() > 0 {
		fmt.Fprintf(stderr, "kimsite new: sites.yaml tidak dapat diubah dengan aman; tambahkan kelurahannya sendiri di bawah \"sites:\".\n")
		return exitContent
	}
	home := filepath.ToSlash(filepath.Join("content", id, "_index.md"))
	if _, err := os.Stat(filepath.Join(root, home)); err != nil {
		if err := createFile(root, home, scaffold.Page(model.PlainNew(), "Selamat datang di "+name, now, false)); err != nil {
			fmt.Fprintf(stderr, "kimsite new: %v\n", err)
			return exitContent
		}
	}
	if err := writeKeepingMode(filepath.Join(root, config.File), out); err != nil {
		fmt.Fprintf(stderr, "kimsite new: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "Ditambahkan: %s di sites.yaml, dengan halaman depan %s\n", id, home)
	// A CODEOWNERS file that no longer matches sites.yaml fails check, so
	// it follows the new site.
	if codeowners := filepath.Join(root, filepath.FromSlash(owners.Path)); fileExists(codeowners) {
		if err := writeKeepingMode(codeowners, owners.File(added)); err != nil {
			fmt.Fprintf(stderr, "kimsite new: %v\n    Jalankan kimsite codeowners.\n", err)
			return exitContent
		}
		fmt.Fprintf(stdout, "Diperbarui: %s\n", owners.Path)
	}
	fmt.Fprintln(stdout, "    Lengkapi kim, editors, contact dan social di sites.yaml, lalu jalankan kimsite codeowners.")
	return exitOK
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// writeKeepingMode replaces a file's contents through a temporary file and
// a rename, so that an interruption never leaves half a sites.yaml.
func writeKeepingMode(p string, data []byte) error {
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".kimsite-new-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}
