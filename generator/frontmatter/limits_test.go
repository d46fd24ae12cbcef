package frontmatter

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/model"
)

// aliasBomb is the "billion laughs" in YAML: ten levels, each a list of ten
// aliases of the level before, 10^10 strings once expanded.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a0: &a0 \"lol\"\n")
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), 10), ","))
	}
	b.WriteString("title: *a10\n")
	return b.String()
}

// decodeWithin decodes YAML into a news front matter and fails the test if
// that hangs (a watchdog, not a speed goal).
func decodeWithin(t *testing.T, yaml string) []string {
	t.Helper()
	done := make(chan []string, 1)
	go func() {
		var got []string
		_, _, problems := DecodeYAML("f.md", []byte(yaml), 2, new(model.BeritaFront))
		for _, p := range problems {
			got = append(got, p.String())
		}
		done <- got
	}()
	select {
	case got := <-done:
		return got
	case <-time.After(60 * time.Second):
		t.Fatalf("decoding %d bytes did not finish", len(yaml))
		return nil
	}
}

// TestAliasBomb checks that aliases are refused where they are used,
// without being expanded.
func TestAliasBomb(t *testing.T) {
	problems := decodeWithin(t, aliasBomb())
	want := "f.md:13: alias YAML (*nama) tidak didukung"
	found := false
	for _, p := range problems {
		found = found || strings.HasPrefix(p, want)
	}
	if !found {
		t.Errorf("want %q among:\n%s", want, strings.Join(problems, "\n"))
	}
	// A merge key, the other way YAML copies values, is an unknown key.
	problems = decodeWithin(t, "base: &b {title: x}\n<<: *b\n")
	if !strings.Contains(strings.Join(problems, "\n"), `f.md:3: kunci "<<" tidak dikenal`) {
		t.Errorf("merge key: got %q", problems)
	}
}

// TestDeepYAML checks that deeply nested flow collections end in an error,
// not in a stack overflow.
func TestDeepYAML(t *testing.T) {
	for _, doc := range []string{
		"title: " + strings.Repeat("[", 1<<20) + "\n",
		"title: " + strings.Repeat("{a: ", 100_000) + "\n",
		strings.Repeat("- ", 100_000) + "x\n",
	} {
		if problems := decodeWithin(t, doc); len(problems) == 0 {
			t.Errorf("no error for %.20q…", doc)
		}
	}
}

// TestManyKeys checks that a front matter of more than MaxNodes keys is
// one problem, and one of many unknown keys at most maxProblems: a file
// of a million keys printed two million lines and took a minute.
func TestManyKeys(t *testing.T) {
	keys := func(n int) string {
		var b strings.Builder
		b.WriteString("title: Judul\ndate: 2026-01-01\n")
		for i := range n {
			fmt.Fprintf(&b, "k%d: 1\n", i)
		}
		return b.String()
	}
	if got := decodeWithin(t, keys(MaxNodes)); len(got) != 1 || !strings.Contains(got[0], "f.md:2: terlalu banyak kunci dan nilai") {
		t.Errorf("%d keys: got %d problems, first %q", MaxNodes, len(got), got[:min(1, len(got))])
	}
	if got := decodeWithin(t, keys(5000)); len(got) > maxProblems+5 || len(got) < maxProblems {
		t.Errorf("5,000 unknown keys: got %d problems, want about %d", len(got), maxProblems)
	}
}
