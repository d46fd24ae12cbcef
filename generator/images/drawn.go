package images

import (
	"os"
	"path/filepath"
)

// Drawn returns a file that kimsite draws (a page's share card), from the
// cache when an earlier build drew it: key is a hash, in hex, of
// everything that changes the file's bytes, ext the file's extension. A
// cached file that whole rejects is drawn again. draw makes the file; a nil
// file is not kept. Writing goes through a temporary file and a rename, so
// two builds at once, or a build killed half way, never leave half a
// file under the final name; a cache that cannot be written only costs
// the next build time.
func (s *Set) Drawn(key, ext string, whole func([]byte) bool, draw func() ([]byte, error)) ([]byte, error) {
	if s.opts.CacheDir == "" || len(key) < 3 {
		return draw()
	}
	file := filepath.Join(s.opts.CacheDir, "images", "drawn", key[:2], key+ext)
	if data, err := os.ReadFile(file); err == nil && whole(data) {
		return data, nil
	}
	data, err := draw()
	if err != nil || data == nil {
		return data, err
	}
	if os.MkdirAll(filepath.Dir(file), 0o755) != nil {
		return data, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), key+".tmp*")
	if err != nil {
		return data, nil
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), file) != nil {
		os.Remove(tmp.Name())
	}
	return data, nil
}
