package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"

	checks "github.com/kotamalang/kimsite/generator/check"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/frontmatter"
	"github.com/kotamalang/kimsite/generator/pipeline"
	"github.com/kotamalang/kimsite/generator/sources"
	"github.com/kotamalang/kimsite/themes"
)

// siteList collects repeated --site flags.
type siteList []string

func (s *siteList) String() string { return strings.Join(*s, ",") }
func (s *siteList) Set(v string) error {
	for _, id := range strings.Split(v, ",") {
		if id = strings.TrimSpace(id); id != "" {
			*s = append(*s, id)
		}
	}
	return nil
}

// runBuild runs build, or check when check is true.
func runBuild(args []string, stdout, stderr io.Writer, check bool) int {
	name := "build"
	if check {
		name = "check"
	}
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	var opts pipeline.Options
	var sites siteList
	var part partialFlags
	flags.StringVar(&opts.Root, "root", ".", "folder repositori")
	flags.Var(&sites, "site", "hanya kelurahan ini; boleh diulang atau dipisah koma")
	out, format := "public", "text"
	if check {
		flags.StringVar(&format, "format", "text", "text, atau github untuk anotasi GitHub Actions di pull request")
	}
	nowFlag := ""
	flags.StringVar(&nowFlag, "now", "", "jam yang dipakai pembangunan, mis. 2026-11-05T08:00:00+07:00 (bawaan: jam sekarang)")
	noCache, cpuProfile := false, ""
	if !check {
		flags.StringVar(&cpuProfile, "cpuprofile", "", "tulis profil CPU (pprof) ke berkas ini")
		flags.StringVar(&out, "out", "public", "folder keluaran")
		flags.BoolVar(&opts.Drafts, "drafts", false, "ikutkan halaman draf")
		flags.BoolVar(&opts.Future, "future", false, "ikutkan halaman bertanggal masa depan")
		part.register(flags)
		flags.Func("base-url", "alamat portal pengganti base_url di sites.yaml, mis. https://akun.github.io/repo/", opts.BaseURLs.SetPortal)
		flags.Func("site-base-url", "alamat satu kelurahan, ID=ALAMAT (boleh berulang)", opts.BaseURLs.Set)
		flags.BoolVar(&noCache, "no-cache", false, "bangun semua situs dari awal, tanpa cache")
	}
	if code, ok := parseFlags(flags, args, stdout, stderr); !ok {
		return code
	}
	if flags.NArg() > 0 {
		return usageError(stderr, name, fmt.Sprintf("argumen %q tidak dikenal", flags.Arg(0)))
	}
	if !check && strings.TrimSpace(out) == "" { // an empty --out would build and write nothing
		return usageError(stderr, name, "--out perlu nama folder, mis. --out public")
	}
	opts.Sites = sites
	// The one reading of the clock: every page, list and file of this
	// build sees the same instant.
	opts.Now = time.Now()
	if nowFlag != "" {
		t, ok := frontmatter.ParseDate(strings.TrimSpace(nowFlag))
		if !ok {
			return usageError(stderr, name, fmt.Sprintf("--now %q tidak dikenali; tulis mis. 2026-11-05T08:00:00+07:00 atau 2026-11-05 08:00 (WIB)", nowFlag))
		}
		opts.Now = t
	}
	if format != "text" && format != "github" {
		return usageError(stderr, name, fmt.Sprintf("format %q tidak dikenal; pilih text atau github", format))
	}
	if check {
		now := opts.Now
		opts.Check = checks.New(checks.Options{Theme: themes.Default(), Root: os.DirFS(opts.Root), Now: func() time.Time { return now }}).Site
	}
	if !check {
		if err := part.apply(&opts, stdout); err != nil {
			return buildError(stderr, name, err)
		}
		opts.Out = out
		if !noCache {
			opts.Cache = cacheFile(opts.Root, out)
		}
		opts.Waiting = func(pid int) {
			who := "build lain"
			if pid > 0 {
				who = fmt.Sprintf("build lain (proses %d)", pid)
			}
			fmt.Fprintf(stderr, "kimsite build: %s sedang menulis %s/; menunggu build lain selesai…\n", who, strings.TrimSuffix(out, "/"))
		}
		opts.Progress = progress(stderr)
	}
	if cpuProfile != "" {
		stop, err := startCPUProfile(opts.Root, cpuProfile)
		if err != nil {
			return buildError(stderr, name, err)
		}
		defer stop()
	}
	sum, problems, err := pipeline.Run(opts)
	if format == "github" {
		printAnnotations(stdout, problems)
	} else {
		printProblems(stderr, problems)
	}
	switch {
	case err != nil:
		return buildError(stderr, name, err)
	case problems.Errors() > 0:
		fmt.Fprintf(stderr, "\n%d kesalahan ditemukan; %s\n", problems.Errors(), nothingWritten(check, out))
		return exitContent
	}
	if warnings := len(problems) - problems.Errors(); check && warnings > 0 {
		fmt.Fprintf(stdout, "Semua baik: %d kelurahan diperiksa dalam %s; %d peringatan (tidak menggagalkan).\n", sum.Sites, round(sum.Duration), warnings)
	} else if check {
		fmt.Fprintf(stdout, "Semua baik: %d kelurahan diperiksa dalam %s.\n", sum.Sites, round(sum.Duration))
	} else {
		fmt.Fprintf(stdout, "Selesai: %d kelurahan, %d halaman, %d berkas di %s/ dalam %s.\n", sum.Sites, sum.Pages, sum.Files, strings.TrimSuffix(out, "/"), round(sum.Duration))
	}
	return exitOK
}

// startCPUProfile profiles the build into file, for go tool pprof; the
// returned function ends the profile. Like the output folder, the file may
// not be one of the repository's sources, nor replace a file that is not a
// profile.
func startCPUProfile(root, file string) (stop func(), err error) {
	path, err := sources.Outside(root, file, "berkas profil")
	if err != nil {
		return nil, &pipeline.UsageError{Msg: "--cpuprofile: " + err.Error()}
	}
	if info, err := os.Stat(path); err == nil {
		// An existing file is replaced only when it is a profile (gzip).
		if head, _ := readHead(path, 2); !info.Mode().IsRegular() || string(head) != "\x1f\x8b" {
			return nil, &pipeline.UsageError{Msg: fmt.Sprintf("--cpuprofile: %q sudah ada dan bukan profil CPU, jadi tidak ditimpa; pilih nama berkas baru", file)}
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// readHead reads the first n bytes of a file.
func readHead(name string, n int) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	n, err = io.ReadFull(f, buf)
	return buf[:n], err
}

// buildError reports an error that is not in the content: a usage mistake
// (exit 2) or a failure of the disk, git or the theme (exit 1).
func buildError(stderr io.Writer, name string, err error) int {
	var usage *pipeline.UsageError
	if errors.As(err, &usage) {
		return usageError(stderr, name, usage.Msg)
	}
	fmt.Fprintf(stderr, "kimsite %s: %v\n", name, err)
	return exitContent
}

// cacheFile is where the build cache of an output folder lives: with the
// photo cache in the repository's .kimsite-cache/ (ignored by git), named
// after the output folder's absolute path, so that nothing is ever left
// beside the output or published with it.
func cacheFile(root, out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(root, ".kimsite-cache", "build", hex.EncodeToString(sum[:8])+".gob")
}

func nothingWritten(check bool, out string) string {
	if check {
		return "perbaiki lalu jalankan lagi."
	}
	return fmt.Sprintf("tidak ada yang ditulis, isi %s/ tetap seperti sebelumnya.", strings.TrimSuffix(out, "/"))
}

// printProblems lists the problems, at most diag.PerFile of each file and
// diag.Shown in all (see diag.List.Print).
func printProblems(w io.Writer, problems diag.List) { problems.Print(w) }

func usageError(w io.Writer, cmd, msg string) int {
	fmt.Fprintf(w, "kimsite %s: %s\nLihat: kimsite %s --help\n", cmd, msg, cmd)
	return exitUsage
}

func round(d time.Duration) time.Duration {
	if d > time.Second {
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}

// progress reports each built site. On a terminal one line is rewritten
// in place; in a CI log, where that would be one endless line, it prints a
// line per site, or per step sites on a large city so that the log gets
// about maxProgressLines of them, and always the last. Progress goes to
// stderr: stdout carries the summary alone, for scripts.
func progress(w io.Writer) func(done, total int, site string) {
	if isTerminal(w) {
		return func(done, total int, site string) {
			fmt.Fprintf(w, "\r\033[K[%d/%d] %s", done, total, site)
			if done == total {
				fmt.Fprint(w, "\r\033[K")
			}
		}
	}
	start := time.Now()
	return func(done, total int, site string) {
		step := (total + maxProgressLines - 1) / maxProgressLines
		if done%step != 0 && done != total {
			return
		}
		fmt.Fprintf(w, "[%d/%d] %s (%s)\n", done, total, site, time.Since(start).Round(time.Second))
	}
}

// maxProgressLines bounds the progress lines a build writes to a log.
const maxProgressLines = 100

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
