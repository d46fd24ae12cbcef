// Package shard splits a city's sites over the jobs of a CI matrix.
//
// It takes a site id and a number of shards and gives the shard the site
// belongs to, by rendezvous (highest random weight) hashing: every shard
// gets a score for the site, a hash of the site id and the shard number,
// and the site goes to the shard with the highest score. A site's shard
// therefore depends only on its own id and on N, never on sites.yaml's
// order or on the other sites: adding or removing a kelurahan moves no
// other one, and going from N to N+1 shards moves only the sites that the
// new shard now wins, about one in N+1, all of them to the new shard.
package shard

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// Shard is part K of N (1 ≤ K ≤ N). The zero Shard is the whole city.
type Shard struct{ K, N int }

// Parse reads a shard written "K/N", as on the command line.
func Parse(s string) (Shard, error) {
	k, n, ok := strings.Cut(s, "/")
	ki, err1 := strconv.Atoi(strings.TrimSpace(k))
	ni, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("--shard %q harus berbentuk K/N, mis. 1/4 untuk bagian pertama dari empat", s)
	}
	if ni < 1 || ki < 1 || ki > ni {
		return Shard{}, fmt.Errorf("--shard %q: K harus antara 1 dan N, mis. 1/4 sampai 4/4", s)
	}
	return Shard{K: ki, N: ni}, nil
}

// Set reports whether s is a real part rather than the whole city.
func (s Shard) Set() bool { return s.N > 0 }

// Has reports whether the site with the given id belongs to s. Every site
// belongs to the zero Shard.
func (s Shard) Has(id string) bool { return !s.Set() || Of(id, s.N) == s.K }

// String writes s as "K/N".
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.K, s.N) }

// Of returns the shard, 1 to n, that the site with the given id belongs to.
func Of(id string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(id))
	base := h.Sum64()
	best, bestScore := 1, uint64(0)
	for k := 1; k <= n; k++ {
		if score := mix(base + uint64(k)*0x9e3779b97f4a7c15); k == 1 || score > bestScore {
			best, bestScore = k, score
		}
	}
	return best
}

// mix is SplitMix64's finalizer: FNV alone spreads short, similar ids
// (kelurahan-1, kelurahan-2, ...) poorly over the high bits.
func mix(x uint64) uint64 {
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
