package output

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWriteFileRefuses checks that no name leaves the output folder and
// that no file is written twice, so two stages (two sites, or a site and
// the portal) can never overwrite each other's files.
func TestWriteFileRefuses(t *testing.T) {
	d, err := Open(filepath.Join(t.TempDir(), "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, name := range []string{"../x", "/etc/x", "a/../../x", `a\..\x`, "", ".", "a//b", "a/./b", "./a"} {
		if err := d.WriteFile(name, nil); !errors.Is(err, ErrPath) {
			t.Errorf("WriteFile(%q) = %v, want ErrPath", name, err)
		}
	}
	if err := d.WriteFile("kauman/index.html", []byte("a")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("kauman/index.html", []byte("b")); !errors.Is(err, ErrTwice) {
		t.Errorf("second write = %v, want ErrTwice", err)
	}
}

// TestOpenCleansLeftovers leaves behind what killed builds leave (staging
// and old folders), and checks that the next Open removes them, and only
// them, and that Commit puts the new files in place.
func TestOpenCleansLeftovers(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "public")
	for _, dir := range []string{"public/old.html", "public/" + Marker, ".public" + stagingMark + "123/a.html", ".public" + oldMark + "456/b.html", "other/c.html", ".publik" + stagingMark + "7/d"} {
		p := filepath.Join(parent, dir)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("baru")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(parent)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{".public" + lockMark, ".publik" + stagingMark + "7", "other", "public"}
	if !slices.Equal(names, want) {
		t.Errorf("beside the output: %v, want %v", names, want)
	}
	if data, err := os.ReadFile(filepath.Join(target, "index.html")); err != nil || string(data) != "baru" {
		t.Errorf("index.html = %q, %v", data, err)
	}
	if _, err := os.Stat(filepath.Join(target, "old.html")); !os.IsNotExist(err) {
		t.Error("the previous output's files are still there")
	}
}
