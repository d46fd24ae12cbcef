package config

import (
	"fmt"
	"strings"
	"testing"
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
