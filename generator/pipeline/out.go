package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/kotamalang/kimsite/generator/output"
	"github.com/kotamalang/kimsite/generator/sources"
)

// openOut opens the output folder for writing, once it is sure the folder
// is neither the repository's sources (see package sources) nor a folder
// that kimsite did not write (see package output), and no other build is
// writing it.
func openOut(opts Options) (*output.Dir, error) {
	target, err := sources.OutFolder(cmpString(opts.Root, "."), opts.Out)
	var refusal *sources.Refusal
	if errors.As(err, &refusal) {
		return nil, &UsageError{Msg: refusal.Msg}
	}
	if err != nil {
		return nil, fmt.Errorf("folder keluaran %q tidak dapat diperiksa: %w", opts.Out, err)
	}
	dir, err := output.Open(target, output.Options{Owned: builtBefore, Waiting: opts.Waiting, Timeout: opts.LockTimeout})
	switch {
	case errors.Is(err, output.ErrForeign):
		return nil, &UsageError{Msg: fmt.Sprintf("folder keluaran %q sudah berisi berkas yang tidak ditulis oleh kimsite build (tidak ada berkas %s di dalamnya), jadi tidak ditimpa. Pilih folder baru atau kosong, mis. --out public; atau, bila isinya memang boleh dibuang, hapus dulu folder itu (rm -r %s) lalu jalankan lagi", opts.Out, output.Marker, opts.Out)}
	case errors.Is(err, output.ErrNotDir):
		return nil, &UsageError{Msg: fmt.Sprintf("%q bukan folder; pilih nama folder, mis. --out public", opts.Out)}
	case errors.Is(err, output.ErrLockFile):
		lock := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+".kimsite-lock")
		return nil, &UsageError{Msg: fmt.Sprintf("%s, kunci folder keluaran %q, bukan berkas biasa (mungkin tautan simbolik) dan tidak dipakai; hapus lalu jalankan lagi", lock, opts.Out)}
	case errors.Is(err, output.ErrBusy):
		return nil, fmt.Errorf("build lain masih menulis folder keluaran %q setelah ditunggu %s; tunggu sampai build itu selesai lalu jalankan lagi, atau hentikan build itu", opts.Out, cmpDuration(opts.LockTimeout, output.DefaultTimeout))
	case err != nil:
		return nil, fmt.Errorf("folder keluaran %q tidak dapat dibuat: %w", opts.Out, err)
	}
	return dir, nil
}

// builtBefore reports whether dir is the output of a kimsite older than
// output.Marker: the city portal's home page and its sitemap-portal.xml at
// the top, which only a build writes together, and nothing that is a
// repository. Such a folder is replaced once, and carries the marker from
// then on. An older build of part of the city (--shard) has no portal and
// is not recognised: remove it by hand.
func builtBefore(dir string) bool {
	for _, name := range []string{"index.html", "sitemap-portal.xml"} {
		if info, err := os.Lstat(filepath.Join(dir, name)); err != nil || !info.Mode().IsRegular() {
			return false
		}
	}
	for _, name := range sources.RepoSigns {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return false
		}
	}
	return true
}

func cmpString(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func cmpDuration(a, b time.Duration) time.Duration {
	if a > 0 {
		return a
	}
	return b
}
