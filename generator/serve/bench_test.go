package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bigTree writes a city of sites×pages under a temporary folder, made by
// copying the sample kelurahan content/kauman and multiplying its news.
func bigTree(b *testing.B, sites, pages int) string {
	b.Helper()
	src := filepath.Join("..", "..", "content", "kauman")
	root := b.TempDir()
	var yaml strings.Builder
	yaml.WriteString("city: Kota Uji\nbase_url: https://kota.example/\nsites:\n")
	kecamatan := []string{"Blimbing", "Kedungkandang", "Klojen", "Lowokwaru", "Sukun"}
	var news [][]byte
	for i := range sites {
		id := fmt.Sprintf("kel-%02d", i+1)
		fmt.Fprintf(&yaml, "  - id: %s\n    name: Kelurahan %02d\n    kecamatan: %s\n", id, i+1, kecamatan[i%len(kecamatan)])
		dst := filepath.Join(root, "content", id)
		n := 0
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if strings.HasSuffix(p, ".md") {
				n++
				if i == 0 && strings.Contains(rel, "berita"+string(filepath.Separator)) && !strings.HasSuffix(p, "index.md") {
					news = append(news, data)
				}
			}
			return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		})
		if err != nil {
			b.Fatal(err)
		}
		for j := 0; n < pages; j++ {
			data := strings.Replace(string(news[j%len(news)]), "\ntitle: ", fmt.Sprintf("\ntitle: (%d) ", j), 1)
			if err := os.WriteFile(filepath.Join(dst, "berita", fmt.Sprintf("salinan-%03d.md", j)), []byte(data), 0o644); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	if err := os.WriteFile(filepath.Join(root, "sites.yaml"), []byte(yaml.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return root
}

// cpuTime is the CPU time the process has used, all threads together.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSaveToReload measures, on 57 kelurahan of 200 pages each, the
// time from writing a page's file to the moment a browser reloading it
// would get the new page: the watcher's batching, the rebuild of the site
// and the portal, the event on the stream, and the page served.
//
//	go test ./generator/serve -run '^$' -bench SaveToReload -benchtime 20x
func BenchmarkSaveToReload(b *testing.B) {
	root := bigTree(b, 57, 200)
	start := time.Now()
	s, err := New(Options{Root: root, BaseURL: "http://127.0.0.1:1313/", Loopback: true})
	if err != nil {
		b.Fatal(err)
	}
	if n := s.Problems().Errors(); n > 0 {
		b.Fatalf("%d errors in the generated tree: %v", n, s.Problems()[:min(n, 5)])
	}
	b.Logf("first build of 57×200 pages: %v", time.Since(start).Round(time.Millisecond))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w, err := s.Watch()
	if err != nil {
		b.Fatal(err)
	}
	go w.Run(ctx, nil)
	events, stop := s.Subscribe()
	defer stop()
	file := filepath.Join(root, "content", "kel-29", "berita", "salinan-000.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	var total time.Duration
	for i := range b.N {
		marker := fmt.Sprintf("Versi %d", i)
		data := strings.Replace(string(orig), "\ntitle: ", "\ntitle: "+marker+" ", 1)
		t0 := time.Now()
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
		// An editor's save can come as more than one burst of events; the
		// page is reloaded on each, until it shows the change.
		for {
			select {
			case <-events:
				// A rebuild may see the file truncated and not yet written
				// (os.WriteFile does both); the next one sees it whole.
			case <-time.After(10 * time.Second):
				b.Fatal("no reload event")
			}
			if strings.Contains(getPage(s, "/kel-29/berita/salinan-000/"), marker) {
				break
			}
		}
		total += time.Since(t0)
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms-save-to-page")
	// The machine may be shared: the process's CPU time per save tells the
	// work apart from the wait for a core.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
