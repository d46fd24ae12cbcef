// Command kimfloor is the Markdown floor that kimsite is measured against:
// the least a generator must do with the same pages. It reads every
// Markdown file under a repository's content/, splits off the front matter,
// renders the body with goldmark and writes it as <path>/index.html, on all
// cores. No templates, lists, feeds, checks or minification.
//
//	kimfloor -root DIR -out DIR
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/kotamalang/kimsite/generator/frontmatter"
)

func main() {
	root := flag.String("root", ".", "repository folder")
	out := flag.String("out", "floor-out", "output folder")
	flag.Parse()
	n, err := run(*root, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "kimfloor:", err)
		os.Exit(1)
	}
	fmt.Printf("kimfloor: %d pages\n", n)
}

func run(root, out string) (int, error) {
	content := filepath.Join(root, "content")
	var files []string
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	work := make(chan string)
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for p := range work {
				errs <- page(md, &buf, content, out, p)
			}
		}()
	}
	for _, p := range files {
		work <- p
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return len(files), nil
}

func page(md goldmark.Markdown, buf *bytes.Buffer, content, out, p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	f, err := frontmatter.Split(data)
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	buf.Reset()
	if err := md.Convert(f.Body, buf); err != nil {
		return err
	}
	rel, _ := filepath.Rel(content, strings.TrimSuffix(p, ".md"))
	dir := filepath.Join(out, rel)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
}
