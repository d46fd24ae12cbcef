package images_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/kotamalang/kimsite/generator/images"
)

// TestDrawn: a drawn file is kept under its key and not drawn again; a
// temporary file that a killed build left, or a cached file that is not
// whole, is no cache; builds drawing the same file at once each get it
// whole and leave one file.
func TestDrawn(t *testing.T) {
	dir := t.TempDir()
	set := images.New(images.Options{CacheDir: dir})
	const key = "ab12cd"
	file := filepath.Join(dir, "images", "drawn", "ab", key+".png")
	whole := func(b []byte) bool { return bytes.HasSuffix(b, []byte("END")) }
	var draws atomic.Int64
	draw := func() ([]byte, error) { draws.Add(1); return []byte("card END"), nil }

	// A killed build left its temporary file, half written.
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(file), key+".tmp123"), []byte("ca"), 0o644); err != nil {
		t.Fatal(err)
	}
	if set.HasDrawn(key, ".png") {
		t.Error("a temporary file counts as cached")
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := set.Drawn(key, ".png", whole, draw)
			if err != nil || string(got) != "card END" {
				t.Errorf("Drawn = %q, %v", got, err)
			}
		})
	}
	wg.Wait()
	if !set.HasDrawn(key, ".png") {
		t.Fatal("not cached")
	}
	n := draws.Load()
	if _, err := set.Drawn(key, ".png", whole, draw); err != nil || draws.Load() != n {
		t.Errorf("a cached file was drawn again")
	}
	entries, _ := os.ReadDir(filepath.Dir(file))
	if len(entries) != 2 { // the final file and the killed build's
		t.Errorf("cache folder holds %d files, want the card and the old temporary file", len(entries))
	}
	// A cached file that is not whole is drawn again, and replaced.
	if err := os.WriteFile(file, []byte("card E"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := set.Drawn(key, ".png", whole, draw); string(got) != "card END" || draws.Load() != n+1 {
		t.Errorf("a broken cached file was used: %q", got)
	}
	if got, _ := os.ReadFile(file); string(got) != "card END" {
		t.Errorf("the broken cached file was kept: %q", got)
	}
	// Without a cache, every call draws.
	none := images.New(images.Options{})
	none.Drawn(key, ".png", whole, draw)
	if none.HasDrawn(key, ".png") || draws.Load() != n+2 {
		t.Error("a set without a cache folder kept a file")
	}
}
