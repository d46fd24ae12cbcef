package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// runCompare measures the tools side by side on one corpus.
func runCompare(c config) error {
	needHugo := contains(c.tools, "hugo")
	if needHugo && c.bin["hugo"] == "" {
		return fmt.Errorf("hugo is not installed (apt-get install hugo), or leave it out with -tools")
	}
	repo, hugo, err := makeCorpus(c, c.sites, filepath.Join(c.work, "corpus"), needHugo)
	if err != nil {
		return err
	}
	sites, err := os.ReadDir(hugo)
	if err != nil && needHugo {
		return err
	}
	out := filepath.Join(c.work, "out")
	page := changedPage(repo)
	results := map[string]*stats{}
	// kimsite's clean build runs as CI runs it, with the photo and
	// share-card cache of an earlier build (kept by the workflows); "cold"
	// measures it without.
	if _, err := measure(c.bin["kimsite"], "build", "--root", repo, "--out", filepath.Join(out, "warm")); err != nil {
		return err
	}
	for rep := range c.n {
		for k := range c.tools {
			tool := c.tools[(k+rep)%len(c.tools)]
			// Every run writes into a folder of its own, and outputs are
			// removed only after the last run: on a file system mounted
			// with discard (as here), writing where a large tree was just
			// removed is several times slower, which would charge each
			// tool for what the one before it removed.
			dest := filepath.Join(out, fmt.Sprintf("%s-%d", tool, rep))
			var s sample
			switch tool {
			case "kimsite":
				s, err = measure(c.bin["kimsite"], "build", "--root", repo, "--out", dest, "--no-cache")
			case "cold":
				// As on a fresh CI runner: no photo or share-card cache
				// either. The run fills it again for the others.
				if err = os.RemoveAll(filepath.Join(repo, ".kimsite-cache")); err != nil {
					break
				}
				s, err = measure(c.bin["kimsite"], "build", "--root", repo, "--out", dest, "--no-cache")
			case "rebuild":
				// A warm cache and output, then one changed page.
				if _, err = measure(c.bin["kimsite"], "build", "--root", repo, "--out", dest); err != nil {
					break
				}
				if err = appendLine(page, fmt.Sprintf("\nDiperbarui untuk pengukuran %d.\n", rep)); err != nil {
					break
				}
				s, err = measure(c.bin["kimsite"], "build", "--root", repo, "--out", dest)
			case "floor":
				s, err = measure(c.bin["kimfloor"], "-root", repo, "-out", dest)
			case "hugo":
				for _, site := range sites {
					var one sample
					one, err = measure(c.bin["hugo"], "--quiet", "--minify", "--source", filepath.Join(hugo, site.Name()), "--destination", filepath.Join(dest, site.Name()))
					if err != nil {
						break
					}
					s.add(one)
				}
			default:
				return fmt.Errorf("unknown tool %q", tool)
			}
			if err != nil {
				return err
			}
			if results[tool] == nil {
				results[tool] = &stats{}
			}
			results[tool].add(s)
			fmt.Fprintf(os.Stderr, "rep %d %-8s wall %.2fs cpu %.2fs rss %.0f MiB\n", rep+1, tool, s.wall.Seconds(), s.cpu.Seconds(), float64(s.rssKiB)/1024)
		}
	}
	fmt.Printf("\n%d sites × %d pages, %d repetitions, load after: %s\n\n", c.sites, c.pages, c.n, loadavg())
	fmt.Println("| tool | wall s, median (min–max) | CPU s, median (min–max) | peak RSS MiB, median (min–max) |")
	fmt.Println("|---|---|---|---|")
	for _, tool := range c.tools {
		st := results[tool]
		fmt.Printf("| %s | %s | %s | %s |\n", tool, spread(st.wall, "%.2f"), spread(st.cpu, "%.2f"), spread(st.rss, "%.0f"))
	}
	if k, ok := results["kimsite"]; ok {
		fmt.Println()
		for _, other := range []string{"hugo", "floor", "rebuild", "cold"} {
			if o, ok := results[other]; ok {
				if other == "rebuild" || other == "cold" {
					fmt.Printf("%s / kimsite full build (median wall): %.3f\n", other, median(o.wall)/median(k.wall))
				} else {
					fmt.Printf("kimsite / %s (median wall): %.3f\n", other, median(k.wall)/median(o.wall))
				}
			}
		}
	}
	return nil
}

// changedPage picks the news page that the rebuild measurement edits.
func changedPage(repo string) string {
	matches, _ := filepath.Glob(filepath.Join(repo, "content", "*", "berita", "*.md"))
	if len(matches) == 0 {
		return ""
	}
	return matches[len(matches)/2]
}

func appendLine(name, line string) error {
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString(line)
	return errors.Join(err, f.Close())
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.TrimSpace(x) == s {
			return true
		}
	}
	return false
}
