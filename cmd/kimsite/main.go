// Command kimsite builds the websites of a city's kelurahan from one
// repository of Markdown: one site per kelurahan plus the city portal.
//
//	kimsite build   [--root DIR] [--out DIR] [--site ID]... [--drafts]
//	                [--now TIME] [--future]
//	                [--shard K/N | --portal-only | --changed-since REV]
//	kimsite check   [--root DIR] [--site ID]... [--now TIME]
//	kimsite codeowners [--root DIR]
//	kimsite serve   [--root DIR] [--addr 127.0.0.1:1313] [--site ID]...
//	kimsite new     SITE SECTION "Judul"
//	kimsite new     site ID "Kelurahan X" --kecamatan K
//	kimsite version
//
// Exit status: 0 success, 1 content errors (all listed), 2 wrong usage.
package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

const usage = `kimsite membangun situs web setiap kelurahan dari folder content/.

Pemakaian:
  kimsite build   [--root FOLDER] [--out FOLDER] [--site ID]... [--drafts]
                  [--now WAKTU] [--future]
                  [--shard K/N | --portal-only | --changed-since REVISI]
  kimsite check   [--root FOLDER] [--site ID]... [--now WAKTU]
  kimsite codeowners [--root FOLDER]
  kimsite serve   [--root FOLDER] [--addr 127.0.0.1:1313] [--site ID]...
  kimsite new     KELURAHAN BAGIAN "Judul"
  kimsite new     site ID "Kelurahan X" --kecamatan KECAMATAN
  kimsite version

Perintah:
  build    bangun semua situs ke folder public/ (atau --out); sebagian saja
           untuk CI: --shard K/N (bagian K dari N, tanpa portal),
           --portal-only (portal saja), --changed-since REVISI (yang berubah)
           halaman bertanggal masa depan terbit saat waktunya tiba (--future:
           sekarang juga); --now WAKTU memakai jam itu, agar hasilnya bisa diulang
  check    periksa semua isi tanpa menulis apa pun
  codeowners  tulis .github/CODEOWNERS dari editors dan maintainers di sites.yaml
  serve    pratinjau di peramban, dimuat ulang setiap berkas disimpan
  new      buat halaman baru (berita, agenda, perencanaan, umkm, cek-fakta) atau kelurahan baru
  version  tampilkan versi kimsite
`

func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "kimsite: kesalahan di dalam kimsite sendiri, bukan di isi Anda: %v\nLaporkan ke pengelola beserta perintah yang dijalankan.\n", v)
			code = exitContent
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr, false)
	case "check":
		return runBuild(args[1:], stdout, stderr, true)
	case "codeowners":
		return runCodeowners(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr, time.Now())
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "kimsite", version)
		return exitOK
	case "help", "--help", "-h":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "kimsite: perintah %q tidak dikenal\n\n%s", args[0], usage)
	return exitUsage
}
