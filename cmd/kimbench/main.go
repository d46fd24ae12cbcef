// Command kimbench measures kimsite side by side with Hugo and the bare
// goldmark floor (cmd/kimfloor) on the same generated corpus, and measures
// how kimsite's cost grows with the number of sites.
//
//	kimbench [-sites 57] [-pages 200] [-n 5] [-tools kimsite,cold,rebuild,floor,hugo] [-photos] [-work DIR]
//	kimbench -scale 5,57,1000 [-pages 50] [-n 3]
//	kimbench -css OUTPUT
//
// Run it from the repository root: it builds cmd/kimsite and cmd/kimfloor
// first. The tools run interleaved, one repetition of each in turn (the
// order rotates every repetition), so that load from other users of a
// shared machine falls on all of them alike. For each it reports the median
// and min–max of wall time, CPU time (user+sys of the child processes) and
// peak RSS (the child's maximum resident set). Hugo builds each kelurahan as
// its own site, one after another, as a city would run it; its CPU times
// add up and its peak RSS is the largest of its runs. "kimsite" is a clean
// build (no build cache, empty output) with the photo and share-card cache
// of an earlier build, as the deploy workflows keep it; "cold" is the same
// without that cache, as on a fresh runner. "rebuild" is kimsite run again
// after one news page changed, with the build cache warm.
// -css reads a built output folder and compares, for a resident's first and
// typical visits on slow networks, the inline stylesheet with a linked one.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/kotamalang/kimsite/generator/corpus"
	"github.com/kotamalang/kimsite/themes"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "kimbench:", err)
		os.Exit(1)
	}
}

type config struct {
	sites, pages, n int
	photos          bool
	tools           []string
	work            string
	bin             map[string]string
}

func run() error {
	var c config
	flag.IntVar(&c.sites, "sites", 57, "number of kelurahan")
	flag.IntVar(&c.pages, "pages", 200, "Markdown pages per kelurahan")
	flag.IntVar(&c.n, "n", 5, "repetitions")
	flag.BoolVar(&c.photos, "photos", false, "corpus with photos")
	tools := flag.String("tools", "kimsite,cold,rebuild,floor,hugo", "what to run")
	scale := flag.String("scale", "", "comma-separated numbers of sites: measure kimsite's scaling instead")
	flag.StringVar(&c.work, "work", "", "working folder (default: a temporary folder, removed afterwards)")
	cssDir := flag.String("css", "", "built output folder: compare inline and linked stylesheets instead")
	flag.Parse()
	if *cssDir != "" {
		return runCSS(*cssDir)
	}
	c.tools = strings.Split(*tools, ",")
	if c.work == "" {
		dir, err := os.MkdirTemp("", "kimbench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		c.work = dir
	}
	var err error
	if c.bin, err = buildTools(c.work); err != nil {
		return err
	}
	fmt.Printf("machine: %d CPUs, load %s\n", cpus(), loadavg())
	if *scale != "" {
		if !flagSet("pages") {
			c.pages = 50
		}
		if !flagSet("n") {
			c.n = 3
		}
		return runScale(c, *scale)
	}
	return runCompare(c)
}

func flagSet(name string) bool {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func buildTools(work string) (map[string]string, error) {
	bin := map[string]string{}
	for _, name := range []string{"kimsite", "kimfloor"} {
		out := filepath.Join(work, "bin", name)
		cmd := exec.Command("go", "build", "-trimpath", "-o", out, "./cmd/"+name)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("go build ./cmd/%s (run kimbench from the repository root): %w", name, err)
		}
		bin[name] = out
	}
	if hugo, err := exec.LookPath("hugo"); err == nil {
		bin["hugo"] = hugo
	}
	return bin, nil
}

// makeCorpus writes a corpus of sites × pages under dir and returns the
// repository folder and the Hugo folder.
func makeCorpus(c config, sites int, dir string, withHugo bool) (repo, hugo string, err error) {
	repo, hugo = filepath.Join(dir, "repo"), filepath.Join(dir, "hugo")
	css, err := fs.ReadFile(themes.Default(), "style.css")
	if err != nil {
		return "", "", err
	}
	var hugoEmit corpus.Emit
	if withHugo {
		hugoEmit = writer(hugo)
	}
	start := time.Now()
	err = corpus.Write(corpus.Options{Sites: sites, Pages: c.pages, Seed: 1, Photos: c.photos}, css, writer(repo), hugoEmit)
	fmt.Printf("corpus: %d sites × %d pages in %s\n", sites, c.pages, time.Since(start).Round(time.Millisecond))
	return repo, hugo, err
}

func writer(root string) corpus.Emit {
	return func(name string, data []byte) error {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}
}

// sample is one measured run.
type sample struct {
	wall, cpu time.Duration
	rssKiB    int64
}

// measure runs one command and returns its costs.
func measure(name string, args ...string) (sample, error) {
	cmd := exec.Command(name, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return sample{wall: wall, cpu: cpu, rssKiB: ru.Maxrss}, nil
}

func (s *sample) add(t sample) {
	s.wall += t.wall
	s.cpu += t.cpu
	s.rssKiB = max(s.rssKiB, t.rssKiB)
}

// stats summarises repeated samples.
type stats struct{ wall, cpu, rss []float64 }

func (st *stats) add(s sample) {
	st.wall = append(st.wall, s.wall.Seconds())
	st.cpu = append(st.cpu, s.cpu.Seconds())
	st.rss = append(st.rss, float64(s.rssKiB)/1024)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func spread(xs []float64, format string) string {
	return fmt.Sprintf(format+" ("+format+"–"+format+")", median(xs), slices.Min(xs), slices.Max(xs))
}

func cpus() int {
	n, _ := strconv.Atoi(strings.TrimSpace(must(exec.Command("nproc").Output())))
	return n
}

func loadavg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func must(b []byte, _ error) string { return string(b) }
