package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestManyFolders writes more folders than Dir remembers, as a city of
// many sites does, and checks that every file lands, that a second write
// is still refused once its folder is forgotten, and that Dir's memory of
// folders stays bounded.
func TestManyFolders(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	d, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	d.maxMade = 16
	n := 100
	name := func(i int) string { return fmt.Sprintf("s%d/berita/p%d/index.html", i%7, i) }
	for i := range n {
		if err := d.WriteFile(name(i), []byte(name(i))); err != nil {
			t.Fatal(err)
		}
		if len(d.made) > d.maxMade {
			t.Fatalf("after %d files Dir remembers %d folders, more than %d", i+1, len(d.made), d.maxMade)
		}
	}
	for _, i := range []int{0, n / 2, n - 1} {
		if err := d.WriteFile(name(i), nil); !errors.Is(err, ErrTwice) {
			t.Errorf("second write of %s = %v, want ErrTwice", name(i), err)
		}
		if err := d.WriteFrom(name(i), strings.NewReader("x")); !errors.Is(err, ErrTwice) {
			t.Errorf("second WriteFrom of %s = %v, want ErrTwice", name(i), err)
		}
	}
	if err := d.WriteFrom("umkm.json", strings.NewReader("[]\n")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if data, err := os.ReadFile(filepath.Join(target, filepath.FromSlash(name(i)))); err != nil || string(data) != name(i) {
			t.Fatalf("%s: %q, %v", name(i), data, err)
		}
	}
	if data, err := os.ReadFile(filepath.Join(target, "umkm.json")); err != nil || string(data) != "[]\n" {
		t.Errorf("umkm.json: %q, %v", data, err)
	}
}
