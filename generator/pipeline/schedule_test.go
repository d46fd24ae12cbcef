package pipeline

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/corpus"
	"github.com/kotamalang/kimsite/generator/locale"
)

// TestCacheFollowsTheClock: a rebuild keeps a site while nothing in it has
// changed with the clock, and renders it again when an event ends, when a
// held page falls due, or when a new day begins; each result is the same
// as a build without the cache.
func TestCacheFollowsTheClock(t *testing.T) {
	root, work := t.TempDir(), t.TempDir()
	writeCorpus(t, root)
	event := filepath.Join(root, "content", corpus.Sites(1)[0].ID, "agenda", "rapat.md")
	if err := os.MkdirAll(filepath.Dir(event), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(event, []byte("---\ntitle: Rapat RW\nstart: 2026-12-04 19:00\nend: 2026-12-04 21:00\n---\nRapat.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(work, "public")
	opts := Options{Root: root, Out: out, Cache: filepath.Join(work, ".cache")}
	at := func(h, m int) time.Time { return time.Date(2026, 12, 4, h, m, 0, 0, locale.WIB) }

	for _, step := range []struct {
		now    time.Time
		reused bool
		why    string
	}{
		{at(10, 0), false, "first build"},
		{at(11, 0), true, "an hour later, nothing due"},
		{at(21, 0), false, "the event has ended"},
		{at(22, 0), true, "an hour later again"},
		{at(24, 0), false, "a new day: the week and the digest move"},
	} {
		opts.Now = step.now
		sum := build(t, opts)
		if all := sum.Reused == sum.Sites; all != step.reused {
			t.Errorf("%s: %d of %d sites reused; want all reused: %v", step.why, sum.Reused, sum.Sites, step.reused)
		}
		sameAsClean(t, opts, out)
	}
}
