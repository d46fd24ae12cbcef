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
	file := s.drawnFile(key, ext)
	if file == "" {
		return draw()
	}
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

// HasDrawn reports whether the cache holds a drawn file under key.
func (s *Set) HasDrawn(key, ext string) bool {
	file := s.drawnFile(key, ext)
	if file == "" {
		return false
	}
	_, err := os.Stat(file)
	return err == nil
}

// drawnFile is where the cache keeps a drawn file; "" without a cache.
func (s *Set) drawnFile(key, ext string) string {
	if s.opts.CacheDir == "" || len(key) < 3 {
		return ""
	}
	return filepath.Join(s.opts.CacheDir, "images", "drawn", key[:2], key+ext)
}
