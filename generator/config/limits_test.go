package config

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// TestAliasBombInSites checks that sites.yaml refuses YAML aliases where
// they are used, without expanding them: ten levels of ten aliases each
// would be 10^10 sites once expanded.
func TestAliasBombInSites(t *testing.T) {
	var b strings.Builder
	b.WriteString("city: Kota\nbase_url: https://k.id/\nsites:\n  - &l0 {id: a, name: b, kecamatan: c}\n")
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&b, "  - &l%d [%s]\n", i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 10), ", "))
	}
	b.WriteString("  - *l10\n")
	_, _, problems := Parse([]byte(b.String()))
	found := false
	for _, p := range problems {
		found = found || p.Line == 15 && strings.Contains(p.Message, "alias YAML")
	}
	if !found {
		t.Errorf("want an alias error at sites.yaml:15, got:\n%s", problems)
	}
}

// TestSitesYAMLSize checks that a sites.yaml over MaxBytes is refused
// before it is parsed (a million keys took a minute and printed two
// million lines).
func TestSitesYAMLSize(t *testing.T) {
	big := "city: Kota\n" + strings.Repeat("k: 1\n", MaxBytes/5+1)
	city, problems := Load(fstest.MapFS{"sites.yaml": {Data: []byte(big)}})
	if city != nil || len(problems) != 1 || !strings.Contains(problems[0].Message, "sites.yaml terlalu besar") {
		t.Errorf("got %v", problems)
	}
	city, problems = Load(fstest.MapFS{"sites.yaml": {Mode: fs.ModeNamedPipe}})
	if city != nil || len(problems) != 1 || !strings.Contains(problems[0].Message, "bukan berkas biasa") {
		t.Errorf("a FIFO sites.yaml: got %v", problems)
	}
}
