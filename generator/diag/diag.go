// Package diag collects the problems found in a user's content, each with
// the file and line where the user can fix it.
//
// Every stage of the pipeline returns a List instead of stopping at the first
// mistake, so that a volunteer sees all of them in one run. Messages and hints
// are in Bahasa Indonesia: they are read by the people who write the content.
package diag

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Severity tells whether a problem stops the build.
type Severity int

const (
	// Error stops the build; nothing is written.
	Error Severity = iota
	// Warning is reported by check but does not fail it.
	Warning
)

// Problem is one mistake, at a position the user can find.
type Problem struct {
	Path     string // slash-separated, relative to the repository root
	Line     int    // 1-based; 0 when the whole file is meant
	Message  string // what is wrong
	Hint     string // how to fix it; may be empty
	Severity Severity
}

// String formats the problem as "path:line: message", with the hint on an
// indented second line.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Position())
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString("peringatan: ")
	}
	b.WriteString(p.Message)
	if p.Hint != "" {
		b.WriteString("\n    ")
		b.WriteString(p.Hint)
	}
	return b.String()
}

// Position is "path:line", or just "path" when the line is unknown.
func (p Problem) Position() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	return p.Path
}

// List is a list of problems. The zero value is an empty list ready to use.
// A List is not safe for concurrent use: parallel stages keep one each and
// Append them afterwards.
type List []Problem

// Add appends an error.
func (l *List) Add(path string, line int, message, hint string) {
	*l = append(*l, Problem{Path: path, Line: line, Message: message, Hint: hint})
}

// Warn appends a warning.
func (l *List) Warn(path string, line int, message, hint string) {
	*l = append(*l, Problem{Path: path, Line: line, Message: message, Hint: hint, Severity: Warning})
}

// Append adds all of other's problems to l.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Errors counts the problems that stop the build.
func (l List) Errors() int {
	n := 0
	for _, p := range l {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Sort orders the list by path, line and message, and drops exact
// duplicates, so that output is stable whatever order stages ran in.
func (l *List) Sort() {
	slices.SortStableFunc(*l, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
	*l = slices.Compact(*l)
}

// Err returns the list as an error when it holds at least one error, and
// nil otherwise.
func (l List) Err() error {
	if l.Errors() == 0 {
		return nil
	}
	return l
}

// Error implements error by listing every problem, one per paragraph.
func (l List) Error() string {
	var b strings.Builder
	for i, p := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Suggest returns the candidate closest to word by edit distance, or "" when
// none is close enough to be a likely typo.
func Suggest(word string, candidates []string) string {
	best, bestDist := "", len(word)/2+2
	for _, c := range candidates {
		if d := distance(strings.ToLower(word), c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in bytes.
func Distance(a, b string) int { return distance(a, b) }

func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Limits on the problems shown: a file with a million wrong keys must not
// print two million lines. The counts still say how many there were.
const (
	// PerFile is how many problems of one file are shown.
	PerFile = 20
	// Shown is how many problems are shown in all.
	Shown = 200
)

// Limited returns the problems to show, at most perFile for each path and
// total in all, in the list's order, with how many of each path's were
// left out and how many were left out in all.
func (l List) Limited(perFile, total int) (shown List, omitted map[string]int, omittedAll int) {
	seen := map[string]int{}
	omitted = map[string]int{}
	for _, p := range l {
		if seen[p.Path]++; seen[p.Path] > perFile || len(shown) >= total {
			omitted[p.Path]++
			omittedAll++
			continue
		}
		shown = append(shown, p)
	}
	return shown, omitted, omittedAll
}

// Print writes the problems as String does, one per paragraph, but at
// most PerFile for each file and Shown in all; after a file's last one
// shown it says how many more that file has, and at the end how many were
// left out in all.
func (l List) Print(w io.Writer) {
	shown, omitted, omittedAll := l.Limited(PerFile, Shown)
	for i, p := range shown {
		fmt.Fprintln(w, p.String())
		if n := omitted[p.Path]; n > 0 && (i+1 == len(shown) || shown[i+1].Path != p.Path) {
			fmt.Fprintf(w, "%s: … dan %d masalah lain di berkas ini\n", p.Path, n)
			omittedAll -= n
		}
	}
	if omittedAll > 0 {
		fmt.Fprintf(w, "… dan %d masalah lain yang tidak ditampilkan; perbaiki yang di atas dulu, lalu jalankan lagi.\n", omittedAll)
	}
}
