package main

import (
	"testing"
	"time"
)

// The delivery model against cases worked by hand on slow 3G (400 ms RTT,
// 400 kbit/s = 20 µs a byte).
func TestFetchModel(t *testing.T) {
	n := network{"test", 400 * time.Millisecond, 400}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	// 10 segments fit the first window: request, serialization, no wait.
	if got := ms(n.fetch(false, 10*mss, 0).load); got < 691 || got > 693 {
		t.Errorf("one window: %.1f ms, want 400 + 292 = 692", got)
	}
	// Opening the connection costs two round trips more.
	if got := ms(n.fetch(true, 10*mss, 0).load); got < 1491 || got > 1493 {
		t.Errorf("one window on a new connection: %.1f ms, want 1492", got)
	}
	// Twenty segments need the first acknowledgement: the link waits.
	one, two := n.fetch(false, 10*mss, 0).load, n.fetch(false, 20*mss, 0).load
	if two-one <= 292*time.Millisecond {
		t.Errorf("a second window cost only %s more: slow start not modelled", two-one)
	}
	// A linked stylesheet is asked for after the page's first segment
	// left: a round trip more than the same bytes inline, less the page's
	// own 2,000 B after that segment (11 ms).
	inline, linked := n.fetch(false, 5000, 0), n.fetch(false, 2000, 3000)
	if d := ms(linked.load - inline.load); d < 388 || d > 390 || linked.trips != inline.trips+1 {
		t.Errorf("linked %v against inline %v: want one round trip more", linked, inline)
	}
}
