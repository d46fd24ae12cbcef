package privacy

// run is a maximal run of ASCII digits, text[start:end].
type run struct{ start, end int }

func (r run) len() int                         { return r.end - r.start }
func (r run) digits(text string) string        { return text[r.start:r.end] }
func (r run) follows(text string, c byte) bool { return r.start > 0 && text[r.start-1] == c }

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

// link returns the single character that separates run i-1 from run i, or
// 0 when they are further apart or i is not between two runs.
func (rs runs) link(text string, i int) byte {
	if i <= 0 || i >= len(rs) || rs[i].start != rs[i-1].end+1 {
		return 0
	}
	return text[rs[i-1].end]
}

// amountJoin reports whether runs i-1 and i are parts of one number joined
// by a dot or a comma, as in "1.250.000" or "0,5". Two 16-digit runs
// joined by a comma are a list rather than one number.
func (rs runs) amountJoin(text string, i int) bool {
	switch rs.link(text, i) {
	case '.', ',':
		return rs[i-1].len() != 16 || rs[i].len() != 16
	}
	return false
}

// grouped returns how many runs starting at i spell a 16-digit number in
// 6-6-4 or 4-4-4-4 groups separated by single spaces or hyphens, or 0.
func (rs runs) grouped(text string, i int) int {
	for _, lens := range [...][]int{{6, 6, 4}, {4, 4, 4, 4}} {
		n := len(lens)
		if i+n > len(rs) || rs.amountJoin(text, i) || rs.amountJoin(text, i+n) {
			continue
		}
		ok := true
		for k, want := range lens {
			if rs[i+k].len() != want {
				ok = false
				break
			}
			if c := rs.link(text, i+k); k > 0 && c != ' ' && c != '-' {
				ok = false
				break
			}
		}
		if ok {
			return n
		}
	}
	return 0
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
