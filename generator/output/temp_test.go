package output

import (
	"io"
	"os"
	"testing"
)

// TestTempGoesAway checks that a Temp reads back what was written and
// leaves nothing behind once closed.
func TestTempGoesAway(t *testing.T) {
	tmp, err := NewTemp()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(tmp, "kauman,usulan\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(tmp); string(got) != "kauman,usulan\n" {
		t.Fatalf("read back %q", got)
	}
	name := tmp.Name()
	if err := tmp.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(name); !os.IsNotExist(err) {
		t.Fatalf("%s still exists after Close (%v)", name, err)
	}
}
