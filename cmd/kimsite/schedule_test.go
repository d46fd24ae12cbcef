package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scheduledTree is a one-site repository with a news item due at
// 2026-11-05 08:00 WIB (01:00 UTC) and an event on the same day.
func scheduledTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"sites.yaml":                           "city: Kota Malang\nbase_url: https://kim.example.id/\nsites:\n  - id: kauman\n    name: Kelurahan Kauman\n    kecamatan: Klojen\n",
		"content/kauman/_index.md":             "---\ntitle: Kauman\n---\n",
		"content/kauman/berita/lama.md":        "---\ntitle: Kabar lama\ndate: 2026-10-01\n---\nSudah terbit.\n",
		"content/kauman/berita/terjadwal.md":   "---\ntitle: Kabar terjadwal\ndate: 2026-11-05 08:00\n---\nTerbit pukul delapan.\n",
		"content/kauman/agenda/kerja-bakti.md": "---\ntitle: Kerja bakti\nstart: 2026-11-08 07:00\nend: 2026-11-08 10:00\n---\nBawa sapu.\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// published reports whether the scheduled item is anywhere in the output:
// its page, the section list, the feed or the sitemap.
func published(t *testing.T, out string) map[string]bool {
	t.Helper()
	got := map[string]bool{}
	if _, err := os.Stat(filepath.Join(out, "kauman/berita/terjadwal/index.html")); err == nil {
		got["page"] = true
	}
	for _, f := range []string{"kauman/berita/index.html", "kauman/index.xml", "kauman/sitemap.xml", "index.html"} {
		data, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "terjadwal") {
			got[f] = true
		}
	}
	return got
}

// TestScheduledPublishing builds with the clock on both sides of a page's
// date, a second apart at 08:00 WIB, and with --future.
func TestScheduledPublishing(t *testing.T) {
	bin := kimsiteBinary(t)
	dir := scheduledTree(t)
	const before, at = "2026-11-05T00:59:59Z", "2026-11-05T01:00:00Z"

	for _, tt := range []struct {
		name string
		args []string
		want bool
	}{
		{"a second before", []string{"--now", before}, false},
		{"on the hour", []string{"--now", at}, true},
		{"in WIB, a minute before", []string{"--now", "2026-11-05 07:59"}, false},
		{"with an offset, on the hour", []string{"--now", "2026-11-05T08:00:00+07:00"}, true},
		{"--future", []string{"--now", before, "--future"}, true},
	} {
		out := filepath.Join(dir, "out-"+strings.ReplaceAll(tt.name, " ", "-"))
		r := runBinary(t, bin, dir, append([]string{"build", "--out", out, "--no-cache"}, tt.args...)...)
		if r.code != 0 {
			t.Fatalf("%s: exit %d\n%s", tt.name, r.code, r.stderr)
		}
		got := published(t, out)
		if tt.want && len(got) != 5 || !tt.want && len(got) != 0 {
			t.Errorf("%s: the scheduled page appears in %v; want it everywhere: %v", tt.name, got, tt.want)
		}
		if _, err := os.Stat(filepath.Join(out, "kauman/berita/lama/index.html")); err != nil {
			t.Errorf("%s: a page dated in the past was held back", tt.name)
		}
	}

	// The same content and the same --now give the same bytes.
	a, b := filepath.Join(dir, "same-a"), filepath.Join(dir, "same-b")
	for _, out := range []string{a, b} {
		if r := runBinary(t, bin, dir, "build", "--out", out, "--no-cache", "--now", before); r.code != 0 {
			t.Fatal(r.stderr)
		}
	}
	if treeHash(t, a) != treeHash(t, b) {
		t.Error("two builds with the same --now differ")
	}

	// The build cache keeps a site only while the clock has not moved past
	// anything in it: the second build must publish the page that fell due.
	cached := filepath.Join(dir, "cached")
	if r := runBinary(t, bin, dir, "build", "--out", cached, "--now", before); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := runBinary(t, bin, dir, "build", "--out", cached, "--now", at); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if got := published(t, cached); len(got) != 5 {
		t.Errorf("a cached rebuild after the page's time publishes it only in %v", got)
	}
	if r := runBinary(t, bin, dir, "build", "--out", cached, "--now", before); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if got := published(t, cached); len(got) != 0 {
		t.Errorf("a cached rebuild with an earlier clock still shows the page in %v", got)
	}
}

// TestCheckSaysWhenAPageAppears: check holds nothing back, but says when a
// future page will appear, at its date's line; it is not a failure.
func TestCheckSaysWhenAPageAppears(t *testing.T) {
	bin := kimsiteBinary(t)
	dir := scheduledTree(t)
	r := runBinary(t, bin, dir, "check", "--now", "2026-11-05T00:59:59Z")
	want := "content/kauman/berita/terjadwal.md:3: peringatan: belum terbit: akan terbit Kamis, 5 November 2026 pukul 08.00 WIB"
	if r.code != 0 || !strings.Contains(r.stderr, want) || !strings.Contains(r.stdout, "1 peringatan") {
		t.Errorf("check: exit %d\n%s%s\nwant exit 0 and %q", r.code, r.stdout, r.stderr, want)
	}
	r = runBinary(t, bin, dir, "check", "--now", "2026-11-05T01:00:00Z")
	if r.code != 0 || strings.Contains(r.stderr, "akan terbit") {
		t.Errorf("check once the page is due: exit %d\n%s", r.code, r.stderr)
	}
	r = runBinary(t, bin, dir, "build", "--now", "kemarin")
	if r.code != 2 || !strings.Contains(r.stderr, `--now "kemarin" tidak dikenali`) {
		t.Errorf("build --now kemarin: exit %d\n%s", r.code, r.stderr)
	}
}
