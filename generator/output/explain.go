package output

import (
	"errors"
	"io/fs"
	"syscall"
)

// Explain says in Bahasa Indonesia why the disk refused a write, for the
// people who run the build: the operating system's own words are English.
// Errors of this package already are in Bahasa Indonesia.
func Explain(err error) string {
	var pe *fs.PathError
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "disk penuh; kosongkan ruang disk, lalu jalankan lagi"
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return "tidak ada izin menulis di sana, atau disknya hanya bisa dibaca"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "nama berkas atau folder terlalu panjang untuk disk ini"
	case errors.Is(err, syscall.EIO):
		return "disk gagal membaca atau menulis; periksa disknya"
	case errors.Is(err, fs.ErrNotExist):
		return "foldernya hilang saat build berjalan"
	case errors.Is(err, fs.ErrExist):
		return "ada berkas lain di tempat itu"
	case errors.Is(err, ErrTwice):
		return ErrTwice.Error() + "; dua sumber menghasilkan berkas yang sama, laporkan ke pengelola kimsite"
	case errors.Is(err, ErrPath):
		return ErrPath.Error()
	case errors.Is(err, ErrNotReusable):
		return ErrNotReusable.Error()
	case errors.As(err, &pe):
		return "galat sistem berkas saat " + pe.Op + " (" + pe.Err.Error() + ")"
	}
	return "galat sistem (" + err.Error() + ")"
}
