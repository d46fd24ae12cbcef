package privacy

// run is a maximal run of ASCII digits, text[start:end].
type run struct{ start, end int }

func (r run) len() int                  { return r.end - r.start }
func (r run) digits(text string) string { return text[r.start:r.end] }

// runs lists the digit runs of a text in order.
type runs []run

// digitRuns returns the maximal runs of ASCII digits in text.
func digitRuns(text string) runs {
	var rs runs
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			i++
			continue
		}
		start := i
		for i < len(text) && isDigit(text[i]) {
			i++
		}
		rs = append(rs, run{start, i})
	}
	return rs
}

// maxJoin is the longest text between two groups of digits that still
// reads as one number: "3573 0145", "35.73", "3573 - 0145".
const maxJoin = 3

// joiners are the characters that may stand between the groups of one
// number. A line break, a comma or a letter ends a number. '*', '_' and
// '~' are Markdown's emphasis marks, which show as they are when they do
// not pair up.
const joiners = " .-/_*~"

// sep returns the text between run i-1 and run i, or "" when i is not
// between two runs.
func (rs runs) sep(text string, i int) string {
	if i <= 0 || i >= len(rs) {
		return ""
	}
	return text[rs[i-1].end:rs[i].start]
}

// joined reports whether runs i-1 and i are groups of one number as a
// reader reads it: at most maxJoin joiners apart.
func (rs runs) joined(text string, i int) bool {
	s := rs.sep(text, i)
	if s == "" || len(s) > maxJoin {
		return false
	}
	for j := 0; j < len(s); j++ {
		if !containsByte(joiners, s[j]) {
			return false
		}
	}
	return true
}

// amountJoin reports whether runs i-1 and i are parts of one number joined
// by a single dot or comma, as in "1.250.000" or "0,5". Two 16-digit runs
// joined by a comma are a list rather than one number.
func (rs runs) amountJoin(text string, i int) bool {
	switch rs.sep(text, i) {
	case ".", ",":
		return rs[i-1].len() != 16 || rs[i].len() != 16
	}
	return false
}

// window returns how many runs from i, joined, spell exactly 16 digits, or
// 0 when they spell fewer or end inside a group.
func (rs runs) window(text string, i int) int {
	total := 0
	for j := i; j < len(rs); j++ {
		if j > i && !rs.joined(text, j) {
			return 0
		}
		total += rs[j].len()
		switch {
		case total == 16:
			return j - i + 1
		case total > 16:
			return 0
		}
	}
	return 0
}

// thousands reports whether runs i to i+n-1 are written as an amount with
// thousands separators: 1 to 3 digits, then groups of 3 after single dots,
// as in "3.573.014.506.900.001".
func (rs runs) thousands(text string, i, n int) bool {
	if n < 2 || rs[i].len() > 3 {
		return false
	}
	for k := i + 1; k < i+n; k++ {
		if rs[k].len() != 3 || rs.sep(text, k) != "." {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
