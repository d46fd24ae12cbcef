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

	"github.com/kotamalang/kimsite/generator/wordpress"
)

// runImport moves an existing website in: kimsite import wordpress
// FILE.xml --site ID [--uploads DIR].
func runImport(args []string, stdout, stderr io.Writer) int {
	known := importFlags()
	if slices.ContainsFunc(args, isHelp) {
		commandUsage(stdout, known)
		return exitOK
	}
	flags, rest, err := newArgs(args, known)
	if err != nil {
		fmt.Fprintf(stderr, "kimsite import: %v\n\n", err)
		commandUsage(stderr, known)
		return exitUsage
	}
	if len(rest) == 0 || rest[0] != "wordpress" {
		return usageError(stderr, "import", "tulis: kimsite import wordpress BERKAS.xml --site ID [--uploads FOLDER]; hanya ekspor WordPress yang bisa diimpor")
	}
	if len(rest) != 2 || flags["site"] == "" {
		return usageError(stderr, "import", "tulis: kimsite import wordpress BERKAS.xml --site ID [--uploads FOLDER], mis. kimsite import wordpress kauman.WordPress.2026-11-05.xml --site kauman --uploads ~/unduhan/uploads")
	}
	root, site, file := flags["root"], flags["site"], rest[1]
	if root == "" {
		root = "."
	}
	city, _, err := readCity(root)
	if err != nil {
		return usageError(stderr, "import", err.Error())
	}
	if city.Site(site) == nil {
		return usageError(stderr, "import", fmt.Sprintf("kelurahan %q tidak ada di sites.yaml%s; tambahkan dulu dengan kimsite new site", site, didYouMean(site, siteIDs(city))))
	}
	opts := wordpress.Options{}
	if dir := flags["uploads"]; dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return usageError(stderr, "import", fmt.Sprintf("folder unggahan %q tidak ada; salin folder wp-content/uploads dari situs lama, lalu sebut foldernya di --uploads", dir))
		}
		opts.Uploads = os.DirFS(dir)
	}
	dir := filepath.Join(root, "content", site)
	if _, err := os.Stat(dir); err == nil {
		opts.Site = os.DirFS(dir)
	}
	f, err := os.Open(file)
	if err != nil {
		return usageError(stderr, "import", fmt.Sprintf("berkas %q tidak dapat dibuka", file))
	}
	defer f.Close()
	start := time.Now()
	res, err := wordpress.Import(f, opts)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", file, err)
		switch {
		case errors.Is(err, wordpress.ErrBlogger):
			fmt.Fprintln(stderr, "    Blogger belum didukung. Impor dulu blog itu ke WordPress (wordpress.com punya pengimpor Blogger), lalu ekspor dari WordPress: Alat → Ekspor.")
		case errors.Is(err, wordpress.ErrNotWXR):
			fmt.Fprintln(stderr, "    Buat berkasnya di dasbor WordPress: Alat → Ekspor → Semua konten → Unduh berkas ekspor.")
		default:
			fmt.Fprintln(stderr, "    Unduh ulang berkas ekspornya; berkas yang terpotong tidak bisa dibaca.")
		}
		return exitContent
	}
	if err := apply(dir, res, opts); err != nil {
		fmt.Fprintf(stderr, "kimsite import: %v\n", err)
		return exitContent
	}
	printImport(stdout, file, "content/"+site, res.Report, res.Remove, time.Since(start))
	return exitOK
}

// importFlags are the options of import, for its help and its parsing.
func importFlags() *flag.FlagSet {
	flags := flag.NewFlagSet("import", flag.ContinueOnError)
	flags.String("root", ".", "folder repositori")
	flags.String("site", "", "kelurahan tujuan, dari sites.yaml (wajib)")
	flags.String("uploads", "", "salinan folder wp-content/uploads situs lama")
	return flags
}

// apply writes the import's files into the site folder, the state file
// last, so that an interrupted import is redone in full next time.
func apply(dir string, res *wordpress.Result, opts wordpress.Options) error {
	write := func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}
	for name, data := range res.Files {
		if name == wordpress.StateFile {
			continue
		}
		if err := write(name, data); err != nil {
			return err
		}
	}
	for name, src := range res.Copies {
		data, err := fsRead(opts, src)
		if err != nil {
			return err
		}
		if err := write(name, data); err != nil {
			return err
		}
	}
	for _, name := range res.Remove {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if data, ok := res.Files[wordpress.StateFile]; ok {
		return write(wordpress.StateFile, data)
	}
	return nil
}

func fsRead(opts wordpress.Options, name string) ([]byte, error) {
	f, err := opts.Uploads.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// printImport reports the import: what came in, what was left out and why,
// and what a person must look at, each as FILE.xml:LINE.
func printImport(w io.Writer, file, dir string, r wordpress.Report, removed []string, took time.Duration) {
	for _, p := range r.Problems {
		mark := "peringatan"
		if p.Draft {
			mark = "ditahan sebagai draf"
		}
		fmt.Fprintf(w, "%s:%d: %s (%s/%s): %s: %s\n", file, p.Line, p.Title, dir, p.File, mark, p.Message)
		if p.Hint != "" {
			fmt.Fprintf(w, "    %s\n", p.Hint)
		}
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(w, "\nTidak diimpor (%d):\n", len(r.Skipped))
		for _, s := range r.Skipped {
			title := s.Title
			if title == "" {
				title = fmt.Sprintf("(nomor %d)", s.ID)
			}
			fmt.Fprintf(w, "%s:%d: %s: %s\n", file, s.Line, title, s.Reason)
		}
	}
	if len(r.Missing) > 0 {
		fmt.Fprintf(w, "\nFoto yang tidak ada di folder unggahan (%d), ditautkan ke alamat lamanya:\n", len(r.Missing))
		for _, m := range r.Missing {
			fmt.Fprintf(w, "    %s\n", m)
		}
	}
	if len(removed) > 0 {
		fmt.Fprintf(w, "\nKini berupa folder dengan fotonya; berkas lama dihapus (%d):\n", len(removed))
		for _, e := range removed {
			fmt.Fprintf(w, "    %s/%s\n", dir, e)
		}
	}
	if len(r.Edited) > 0 {
		fmt.Fprintf(w, "\nDisunting sejak impor terakhir, tidak ditimpa (%d):\n", len(r.Edited))
		for _, e := range r.Edited {
			fmt.Fprintf(w, "    %s/%s\n", dir, e)
		}
	}
	fmt.Fprintf(w, "\nDiimpor: %d berita, %d halaman (%d draf), %d lampiran, %d alamat lama dialihkan; %d berkas ditulis, %d tidak berubah; %d peringatan, %d tidak diimpor; %.1f detik.\n",
		r.Posts, r.Pages, r.Drafts, r.Attachments, r.Redirects, r.Written, r.Unchanged, len(r.Problems), len(r.Skipped), took.Seconds())
	fmt.Fprintln(w, "Selanjutnya: jalankan kimsite check, periksa halaman yang ditahan sebagai draf, lalu commit folder "+strings.TrimSuffix(dir, "/")+".")
}
