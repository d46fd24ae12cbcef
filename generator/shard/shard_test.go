package shard

import (
	"fmt"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Shard
		ok   bool
	}{
		{"1/1", Shard{1, 1}, true},
		{"3/4", Shard{3, 4}, true},
		{" 2 / 8 ", Shard{2, 8}, true},
		{"0/4", Shard{}, false},
		{"5/4", Shard{}, false},
		{"1/0", Shard{}, false},
		{"4", Shard{}, false},
		{"a/b", Shard{}, false},
		{"", Shard{}, false},
	} {
		got, err := Parse(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func ids(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("kelurahan-%d", i+1)
	}
	return out
}

// Every site falls in exactly one shard, and the shards are roughly even.
func TestPartition(t *testing.T) {
	sites := ids(2000)
	for _, n := range []int{1, 2, 3, 4, 8, 16} {
		count := make([]int, n+1)
		for _, id := range sites {
			in := 0
			for k := 1; k <= n; k++ {
				if (Shard{k, n}).Has(id) {
					in++
					count[k]++
				}
			}
			if in != 1 {
				t.Fatalf("N=%d: %s is in %d shards", n, id, in)
			}
		}
		even := len(sites) / n
		for k := 1; k <= n; k++ {
			if count[k] < even*8/10 || count[k] > even*12/10 {
				t.Errorf("N=%d: shard %d has %d sites, want %d ± 20%%", n, k, count[k], even)
			}
		}
	}
}

// A site's shard depends on its id and N only: adding sites moves no
// existing site.
func TestAddingSitesMovesNone(t *testing.T) {
	const n = 8
	before := map[string]int{}
	for _, id := range ids(500) {
		before[id] = Of(id, n)
	}
	for _, id := range ids(1000) { // the first 500 again, among 500 new ones
		if k, ok := before[id]; ok && Of(id, n) != k {
			t.Errorf("%s moved from shard %d to %d", id, k, Of(id, n))
		}
	}
}

// Growing from N to N+1 shards moves about 1/(N+1) of the sites, and each
// of them to the new shard; a modulo split would move most of them.
func TestGrowingMovesFew(t *testing.T) {
	sites := ids(3000)
	for _, n := range []int{1, 3, 7, 15} {
		moved := 0
		for _, id := range sites {
			from, to := Of(id, n), Of(id, n+1)
			if from != to {
				moved++
				if to != n+1 {
					t.Fatalf("N=%d→%d: %s moved from %d to %d, not to the new shard", n, n+1, id, from, to)
				}
			}
		}
		want := len(sites) / (n + 1)
		if moved < want*8/10 || moved > want*12/10 {
			t.Errorf("N=%d→%d: %d sites moved, want about %d", n, n+1, moved, want)
		}
	}
}

// The assignment is part of the CI contract (a shard's artifacts and
// caches hold the same sites from run to run), so a change to the hash must
// be deliberate and show up here.
func TestStable(t *testing.T) {
	for _, tc := range []struct {
		id   string
		n    int
		want int
	}{
		{"kauman", 4, 2},
		{"tunggulwulung", 4, 2},
		{"bandungrejosari", 4, 4},
		{"kauman", 57, 43},
		{"kauman", 1, 1},
	} {
		if got := Of(tc.id, tc.n); got != tc.want {
			t.Errorf("Of(%q, %d) = %d, want %d", tc.id, tc.n, got, tc.want)
		}
	}
}
