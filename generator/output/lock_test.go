package output

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/internal/filetree"
)

// TestOpenRefusesWhatKimsiteDidNotWrite checks that Open replaces only an
// absent or empty folder, or one that holds the marker or that Owned
// vouches for, and that a refused folder is left byte for byte as it was,
// with no lock file beside it.
func TestOpenRefusesWhatKimsiteDidNotWrite(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string // under the target; nil for none
		make  func(t *testing.T, target string)
		owned bool
		want  error
	}{
		{name: "absent"},
		{name: "empty", make: func(t *testing.T, target string) { mkdir(t, target) }},
		{name: "built", files: map[string]string{Marker: markerText, "index.html": "x"}},
		{name: "foreign", files: map[string]string{"catatan.txt": "jangan hilang", "foto/a.jpg": "a"}, want: ErrForeign},
		{name: "only dotfile", files: map[string]string{".env": "rahasia"}, want: ErrForeign},
		{name: "marker is a folder", files: map[string]string{Marker + "/x": "x", "a.txt": "a"}, want: ErrForeign},
		{name: "vouched for", files: map[string]string{"index.html": "lama"}, owned: true},
		{name: "regular file", make: func(t *testing.T, target string) { write(t, target, "isi") }, want: ErrNotDir},
		{name: "symlink to a file", make: func(t *testing.T, target string) {
			write(t, target+".txt", "isi")
			if err := os.Symlink(filepath.Base(target)+".txt", target); err != nil {
				t.Fatal(err)
			}
		}, want: ErrNotDir},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			target := filepath.Join(parent, "public")
			if tc.files != nil {
				filetree.Write(t, target, tc.files)
			}
			if tc.make != nil {
				tc.make(t, target)
			}
			before := filetree.Read(t, parent)
			d, err := Open(target, Options{Owned: func(string) bool { return tc.owned }})
			if !errors.Is(err, tc.want) {
				t.Fatalf("Open = %v, want %v", err, tc.want)
			}
			if err != nil {
				filetree.Same(t, filetree.Read(t, parent), before, "the folder before Open")
				return
			}
			if err := d.WriteFile("index.html", []byte("baru")); err != nil {
				t.Fatal(err)
			}
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			d.Abort()
			if data, err := os.ReadFile(filepath.Join(target, Marker)); err != nil || string(data) != markerText {
				t.Errorf("marker after the build = %q, %v", data, err)
			}
		})
	}
}

// TestSecondOpenWaits opens the same target twice, as two builds do: the
// second waits, says so once, leaves the first one's staging folder alone,
// and goes ahead as soon as the first is done.
func TestSecondOpenWaits(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	first, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := first.WriteFile("kauman/index.html", []byte("pertama")); err != nil {
		t.Fatal(err)
	}
	waiting := make(chan int, 2)
	opened := make(chan *Dir)
	go func() {
		d, err := Open(target, Options{Waiting: func(pid int) { waiting <- pid }})
		if err != nil {
			t.Error(err)
		}
		opened <- d
	}()
	select {
	case pid := <-waiting:
		if pid != os.Getpid() {
			t.Errorf("waiting for process %d, want %d", pid, os.Getpid())
		}
	case d := <-opened:
		d.Abort()
		t.Fatal("the second Open did not wait for the first build")
	case <-time.After(10 * time.Second):
		t.Fatal("the second Open neither waited nor opened")
	}
	select {
	case <-opened:
		t.Fatal("the second Open did not wait for the first build")
	case <-time.After(5 * pollEvery):
	}
	if !first.Has("kauman/index.html") {
		t.Fatal("the waiting build removed the first one's staged files")
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	first.Abort()
	second := <-opened
	if second == nil {
		t.FailNow()
	}
	defer second.Abort()
	if len(waiting) != 0 {
		t.Error("Waiting was called more than once")
	}
	if data, err := os.ReadFile(filepath.Join(target, "kauman/index.html")); err != nil || string(data) != "pertama" {
		t.Errorf("the first build's output = %q, %v", data, err)
	}
}

// TestOpenGivesUp checks that a build waits no longer than its timeout.
func TestOpenGivesUp(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	first, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Abort()
	start := time.Now()
	if _, err := Open(target, Options{Timeout: 200 * time.Millisecond}); !errors.Is(err, ErrBusy) {
		t.Fatalf("Open while another build holds the folder = %v, want ErrBusy", err)
	}
	if took := time.Since(start); took < 200*time.Millisecond || took > 5*time.Second {
		t.Errorf("gave up after %v, want about 200ms", took)
	}
}

func mkdir(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, p, data string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLockFileNeverFollowed plants a symbolic link where the lock file
// goes, as a repository could: Open refuses it and leaves the file it
// points to as it was.
func TestLockFileNeverFollowed(t *testing.T) {
	parent := t.TempDir()
	precious := filepath.Join(parent, "sites.yaml")
	write(t, precious, "city: Kota Malang\n")
	if err := os.Symlink("sites.yaml", filepath.Join(parent, ".public"+lockMark)); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(filepath.Join(parent, "public"), Options{}); !errors.Is(err, ErrLockFile) {
		t.Errorf("Open with a symbolic link for a lock file = %v, want ErrLockFile", err)
	}
	if data, _ := os.ReadFile(precious); string(data) != "city: Kota Malang\n" {
		t.Errorf("the file the link points to became %q", data)
	}
}
