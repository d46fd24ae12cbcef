package pipeline_test

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/kotamalang/kimsite/generator/output"
	"github.com/kotamalang/kimsite/generator/pipeline"
)

// failingSink refuses every write after the first n with err.
type failingSink struct {
	n   int
	err error
}

func (f *failingSink) WriteFile(name string, data []byte) error {
	if f.n--; f.n < 0 {
		return &fs.PathError{Op: "write", Path: "/srv/public/" + name, Err: f.err}
	}
	return nil
}

// TestWriteErrorsInIndonesian makes the disk fail in the ways it does
// (full, read-only, a clash) and expects a message in Bahasa Indonesia
// naming the file and the output folder, with no English from the system.
func TestWriteErrorsInIndonesian(t *testing.T) {
	files := map[string]string{"sites.yaml": okSites, "content/kauman/_index.md": "---\ntitle: K\n---\nIsi.\n"}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{syscall.ENOSPC, "disk penuh"},
		{syscall.EROFS, "tidak ada izin menulis"},
		{fs.ErrPermission, "tidak ada izin menulis"},
		{output.ErrTwice, "ditulis dua kali"},
	} {
		for _, n := range []int{0, 5} {
			_, _, err := pipeline.Run(pipeline.Options{FS: tree(files), Sink: &failingSink{n: n, err: tt.err}, Out: "public"})
			var we *pipeline.WriteError
			if !errors.As(err, &we) || !errors.Is(err, tt.err) {
				t.Fatalf("%v after %d writes: got %v", tt.err, n, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) || !strings.Contains(msg, "folder keluaran public") ||
				strings.Contains(msg, tt.err.Error()) && tt.err != output.ErrTwice || strings.Contains(msg, "write") {
				t.Errorf("%v after %d writes: %q", tt.err, n, msg)
			}
		}
	}
}
