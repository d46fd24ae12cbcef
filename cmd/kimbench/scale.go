package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// runScale builds corpora of growing numbers of sites and reports kimsite's
// cost per page and peak memory at each size.
func runScale(c config, list string) error {
	type row struct {
		sites int
		st    stats
	}
	var rows []row
	for _, f := range strings.Split(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return fmt.Errorf("-scale: %q is not a number of sites", f)
		}
		dir := filepath.Join(c.work, fmt.Sprintf("scale-%d", n))
		repo, _, err := makeCorpus(c, n, dir, false)
		if err != nil {
			return err
		}
		r := row{sites: n}
		for rep := range c.n {
			// A fresh folder for every run (see runCompare).
			dest := filepath.Join(dir, fmt.Sprintf("out-%d", rep))
			s, err := measure(c.bin["kimsite"], "build", "--root", repo, "--out", dest, "--no-cache")
			if err != nil {
				return err
			}
			r.st.add(s)
			fmt.Fprintf(os.Stderr, "%d sites rep %d: wall %.2fs cpu %.2fs rss %.0f MiB\n", n, rep+1, s.wall.Seconds(), s.cpu.Seconds(), float64(s.rssKiB)/1024)
		}
		rows = append(rows, r)
		os.RemoveAll(dir)
	}
	fmt.Printf("\n%d pages per site, %d repetitions, load after: %s\n\n", c.pages, c.n, loadavg())
	fmt.Println("| sites | pages | wall s, median (min–max) | wall per page µs | CPU per page µs | peak RSS MiB, median (min–max) |")
	fmt.Println("|---:|---:|---|---:|---:|---|")
	for _, r := range rows {
		pages := float64(r.sites * c.pages)
		fmt.Printf("| %d | %d | %s | %.0f | %.0f | %s |\n", r.sites, r.sites*c.pages, spread(r.st.wall, "%.2f"),
			median(r.st.wall)/pages*1e6, median(r.st.cpu)/pages*1e6, spread(r.st.rss, "%.0f"))
	}
	return nil
}
