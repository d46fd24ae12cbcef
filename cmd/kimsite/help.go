package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

const usage = `kimsite membangun situs web setiap kelurahan dari folder content/.

Pemakaian:
  kimsite build   [--root FOLDER] [--out FOLDER] [--site ID]... [--drafts]
                  [--now WAKTU] [--future]
                  [--shard K/N | --portal-only | --changed-since REVISI]
                  [--no-cache] [--cpuprofile BERKAS]
                  [--base-url ALAMAT] [--site-base-url ID=ALAMAT]...
  kimsite check   [--root FOLDER] [--site ID]... [--format text|github] [--now WAKTU]
  kimsite serve   [--root FOLDER] [--addr 127.0.0.1:1313] [--site ID]...
  kimsite new     KELURAHAN BAGIAN "Judul" [--root FOLDER]
  kimsite new     site ID "Kelurahan X" --kecamatan KECAMATAN [--root FOLDER]
  kimsite codeowners [--root FOLDER]
  kimsite import  wordpress BERKAS.xml --site ID [--uploads FOLDER] [--root FOLDER]
  kimsite version
  kimsite help    [PERINTAH]

Perintah:
  build       bangun semua situs ke folder public/ (atau --out); bila ada
              kesalahan, tidak ada yang ditulis
  check       periksa semua isi tanpa menulis apa pun
  serve       pratinjau di peramban, dimuat ulang setiap berkas disimpan
  new         buat halaman baru (berita, agenda, perencanaan, umkm, cek-fakta) atau
              kelurahan baru
  codeowners  tulis .github/CODEOWNERS dari editors dan maintainers di sites.yaml
  import      pindahkan situs WordPress lama: berita, halaman, foto, alamat lama
  version     tampilkan versi kimsite
  help        tampilkan bantuan ini, atau bantuan satu perintah

Opsi:
  --root FOLDER          folder repositori (bawaan: folder ini)
  --site ID              hanya kelurahan ini; boleh diulang atau dipisah koma
  --out FOLDER           build: folder keluaran (bawaan: public)
  --drafts               build: ikutkan halaman draf
  --now WAKTU            build, check: jam yang dipakai, mis. 2026-11-05T08:00:00+07:00
                         (bawaan: jam sekarang); hasil yang sama untuk jam yang sama
  --future               build: ikutkan halaman bertanggal masa depan (biasanya
                         terbit sendiri saat waktunya tiba)
  --shard K/N            build: hanya bagian K dari N kelurahan, tanpa portal (CI)
  --portal-only          build: hanya portal kota, dari isi semua kelurahan (CI)
  --changed-since REVISI build: hanya kelurahan yang berubah sejak revisi git ini
  --no-cache             build: bangun semua situs dari awal, tanpa cache
  --cpuprofile BERKAS    build: tulis profil CPU (pprof) ke berkas ini
  --base-url ALAMAT      build: alamat portal pengganti base_url di sites.yaml,
                         mis. https://akun.github.io/repo/ untuk uji coba
  --site-base-url ID=ALAMAT  build: alamat satu kelurahan; boleh diulang
  --format text|github   check: github menulis anotasi GitHub Actions
  --addr ALAMAT:PORT     serve: alamat pratinjau (bawaan: 127.0.0.1:1313)
  --kecamatan KECAMATAN  new site: kecamatan kelurahan baru
  --uploads FOLDER       import: salinan wp-content/uploads situs lama

Ketik "kimsite PERINTAH --help" untuk bantuan satu perintah.
Status keluar: 0 berhasil, 1 ada kesalahan isi, 2 salah pemakaian.
`

// commands says, for each command's help, how it is written and what it
// does; its flags come from its FlagSet, so they cannot drift apart.
var commands = map[string]struct{ synopsis, about string }{
	"build": {"kimsite build [opsi]",
		"Bangun semua situs ke folder public/ (atau --out). Bila ada kesalahan, semuanya\ndicantumkan dan tidak ada yang ditulis: situs yang sudah ada tetap seperti semula.\n--out tidak boleh berupa sumber (content/, sites.yaml, .git, tema, mesin, apa pun\nyang dilacak git) dan hanya mengganti folder hasil kimsite build. Bila build lain\nsedang menulis folder yang sama, build ini menunggunya selesai.\nHalaman bertanggal masa depan terbit saat waktunya tiba (--future: sekarang juga)."},
	"check": {"kimsite check [opsi]",
		"Periksa semua isi tanpa menulis apa pun: semua pemeriksaan build, ditambah\ntautan ke #bagian, foto yang berat, teks alternatif, dan kapan halaman bertanggal\nmasa depan akan terbit."},
	"serve": {"kimsite serve [opsi]",
		"Pratinjau di peramban, sama persis dengan hasil build, dan dimuat ulang setiap\nberkas disimpan. Halaman draf ikut tampil."},
	"new": {"kimsite new KELURAHAN BAGIAN \"Judul\" [opsi]\n  kimsite new site ID \"Kelurahan X\" --kecamatan KECAMATAN [opsi]",
		"Buat halaman baru dengan kunci-kuncinya (sebagai draf), mis.\n  kimsite new kauman berita \"Kerja bakti RW 05\"\natau tambahkan kelurahan baru ke sites.yaml dan content/."},
	"codeowners": {"kimsite codeowners [opsi]",
		"Tulis .github/CODEOWNERS dari editors dan maintainers di sites.yaml."},
	"import": {"kimsite import wordpress BERKAS.xml --site ID [opsi]",
		"Pindahkan situs WordPress lama ke content/ID/: berita, halaman, foto dan alamat\nlama. BERKAS.xml dibuat di WordPress: Alat → Ekspor → Semua konten. Aman\ndijalankan ulang: tulisan yang sudah disunting tidak ditimpa.\nPanduan: generator/wordpress/README.md."},
}

// placeholders name the value a flag takes, in its help.
var placeholders = map[string]string{
	"root": "FOLDER", "out": "FOLDER", "site": "ID", "addr": "ALAMAT:PORT", "format": "text|github",
	"shard": "K/N", "changed-since": "REVISI", "now": "WAKTU", "cpuprofile": "BERKAS", "kecamatan": "KECAMATAN", "uploads": "FOLDER",
	"base-url": "ALAMAT", "site-base-url": "ID=ALAMAT",
}

// commandUsage writes a command's help: how to write it, what it does, and
// each of its flags with its description and default.
func commandUsage(w io.Writer, flags *flag.FlagSet) {
	c := commands[flags.Name()]
	fmt.Fprintf(w, "Pemakaian:\n  %s\n\n%s\n\nOpsi:\n", c.synopsis, c.about)
	flags.VisitAll(func(f *flag.Flag) {
		name := "--" + f.Name
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
			name += " " + placeholders[f.Name]
		}
		line := fmt.Sprintf("  %-24s %s", name, f.Usage)
		if f.DefValue != "" && f.DefValue != "false" {
			line += fmt.Sprintf(" (bawaan: %s)", f.DefValue)
		}
		fmt.Fprintln(w, line)
	})
	fmt.Fprintln(w, "  --help                   tampilkan bantuan ini")
}

// parseFlags parses a command's flags. It answers -h, -help and --help
// with the command's help on stdout (exit 0), and a flag it does not know
// with a message and the help on stderr (exit 2); ok is false then.
func parseFlags(flags *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	flags.SetOutput(io.Discard) // the flag package's own messages are English
	err := flags.Parse(args)
	switch {
	case err == nil:
		return exitOK, true
	case errors.Is(err, flag.ErrHelp):
		commandUsage(stdout, flags)
		return exitOK, false
	}
	fmt.Fprintf(stderr, "kimsite %s: %s\n\n", flags.Name(), flagMessage(err))
	commandUsage(stderr, flags)
	return exitUsage, false
}

// flagMessage puts the flag package's errors in Bahasa Indonesia.
func flagMessage(err error) string {
	msg := err.Error()
	// The flag package names a flag with one dash; the help writes two.
	if rest, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return fmt.Sprintf("opsi --%s tidak dikenal", rest)
	}
	if rest, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Sprintf("opsi --%s perlu nilai", rest)
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		// "invalid value "x" for flag -name: reason": the reason, from
		// the flag's own Set, already names the flag and the value.
		if _, reason, found := strings.Cut(rest, ": "); found {
			return reason
		}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid boolean value "); ok {
		return fmt.Sprintf("nilai %s tidak sah; pakai true atau false", rest)
	}
	return msg
}

// isHelp reports whether arg asks for help.
func isHelp(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

// runHelp prints the usage, or with a command's name that command's help.
func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	if _, ok := commands[args[0]]; !ok {
		fmt.Fprintf(stderr, "kimsite help: perintah %q tidak dikenal\n\n%s", args[0], usage)
		return exitUsage
	}
	return run([]string{args[0], "--help"}, stdout, stderr)
}
