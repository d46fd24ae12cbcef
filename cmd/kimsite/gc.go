package main

import (
	"os"
	"runtime/debug"
)

// Memory settings of a build. A build allocates a lot of short-lived
// garbage (parsed pages, rendered HTML) over a small live heap, so the
// default GOGC=100 ran the collector constantly: a tenth of the CPU time in
// profiles. The collector runs instead when the heap grows eightfold, or
// when the whole runtime nears gcMemoryLimit, which keeps the peak resident
// set of the largest city under 100 MiB.
const (
	gcPercent     = 800
	gcMemoryLimit = 72 << 20
)

// tuneGC applies the settings above unless the user set GOGC or GOMEMLIMIT.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(gcMemoryLimit)
	}
}
