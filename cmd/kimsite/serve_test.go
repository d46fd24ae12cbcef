package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/serve"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// cachedBinary builds the command once for all the tests that run it
// many times.
func cachedBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kimsite-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "kimsite")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = err
			binPath = string(out)
		}
	})
	if binErr != nil {
		t.Fatalf("go build: %v\n%s", binErr, binPath)
	}
	return binPath
}

// copyTree copies the repository's sample sites, with the CODEOWNERS that
// check compares with sites.yaml, into a temporary folder.
func copyTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	src := filepath.Join("..", "..")
	err := filepath.WalkDir(filepath.Join(src, "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(root, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(root, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sites.yaml", ".github/CODEOWNERS"} {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755)
		if err := os.WriteFile(filepath.Join(root, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestServeEndToEnd runs "kimsite serve" on a copy of the sample sites,
// edits a page and follows the reload stream as a browser would.
func TestServeEndToEnd(t *testing.T) {
	bin := cachedBinary(t)
	root := copyTree(t)
	cmd := exec.Command(bin, "serve", "--root", root, "--addr", "127.0.0.1:0")
	stdout, _ := cmd.StdoutPipe()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	lines := bufio.NewScanner(stdout)
	var base string
	for lines.Scan() {
		if rest, ok := strings.CutPrefix(lines.Text(), "Pratinjau: "); ok {
			base = strings.Fields(rest)[0]
			break
		}
	}
	if base == "" {
		t.Fatalf("serve printed no address; stderr:\n%s", stderr.String())
	}
	go io.Copy(io.Discard, stdout)
	if host := strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/"); !isLoopback(host) {
		t.Fatalf("serve listens on %s", host)
	}

	resp, err := http.Get(base + "_kimsite/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type %q", ct)
	}
	events := make(chan serve.Event, 16)
	go readEvents(resp.Body, events)
	// until reads events until ok holds for one: a save can come as more
	// than one burst of file events, each giving a rebuild.
	until := func(what string, ok func(serve.Event) bool) serve.Event {
		t.Helper()
		for {
			select {
			case ev := <-events:
				if ok(ev) {
					return ev
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("no event after %s; stderr:\n%s", what, stderr.String())
			}
		}
	}
	first := until("connecting", func(serve.Event) bool { return true })

	page := base + "kauman/berita/kerja-bakti-rw-05/"
	if body := fetch(t, page); !strings.Contains(body, serve.ScriptPath) {
		t.Fatalf("page lacks the reload script")
	}
	file := filepath.Join(root, "content/kauman/berita/kerja-bakti-rw-05.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(orig), "\ntitle: ", "\ntitle: DIUBAH ", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	ev := until("an edit", func(ev serve.Event) bool {
		return len(ev.Problems) == 0 && strings.Contains(fetch(t, page), "DIUBAH")
	})
	if ev.Version <= first.Version {
		t.Fatalf("after an edit: %+v", ev)
	}

	// A bad save: the stream carries the overlay's messages.
	bad := strings.Replace(edited, "\ndate: ", "\ndate: kemarin sore\nx", 1)
	os.WriteFile(file, []byte(bad), 0o644)
	ev = until("a bad save", func(ev serve.Event) bool { return len(ev.Problems) > 0 })
	var found bool
	for _, p := range ev.Problems {
		if strings.HasPrefix(p.Position, "content/kauman/berita/kerja-bakti-rw-05.md:") && p.Message != "" {
			found = true
		}
	}
	if !found {
		t.Fatalf("problems do not name the file and line: %+v", ev.Problems)
	}

	// A good save clears it.
	os.WriteFile(file, orig, 0o644)
	until("the fix", func(ev serve.Event) bool {
		return len(ev.Problems) == 0 && !strings.Contains(fetch(t, page), "DIUBAH")
	})
}

func isLoopback(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	ip := net.ParseIP(host)
	return err == nil && ip != nil && ip.IsLoopback()
}

func TestServeDefaultAddrIsLoopback(t *testing.T) {
	if !isLoopback(defaultServeAddr) {
		t.Fatalf("default address %s is not loopback", defaultServeAddr)
	}
}

// readEvents parses a Server-Sent Events stream of "state" events.
func readEvents(r io.Reader, out chan<- serve.Event) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var name, data string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data = strings.TrimPrefix(line, "data: ")
		case line == "" && name == "state":
			var ev serve.Event
			if json.Unmarshal([]byte(data), &ev) == nil {
				out <- ev
			}
			name, data = "", ""
		}
	}
	close(out)
}

func fetch(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	return string(body)
}
