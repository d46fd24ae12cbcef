package privacy

// plausible reports whether the 16 digits d can be an NIK or a KK: a known
// province, a regency and a district that are not 00, a real day and month
// (for an NIK, the day may have 40 added), and for an NIK a sequence other
// than 0000.
func plausible(d string) bool {
	if len(d) != 16 || !province(num(d[0:2])) || d[2:4] == "00" || d[4:6] == "00" {
		return false
	}
	day, month := num(d[6:8]), num(d[8:10])
	if month < 1 || month > 12 {
		return false
	}
	if validDay(day, month) {
		return true // a man's NIK, or a KK
	}
	return validDay(day-40, month) && d[12:16] != "0000"
}

// province reports whether code is an Indonesian province code, including
// those of the provinces formed in Papua in 2022.
func province(code int) bool {
	switch {
	case 11 <= code && code <= 19, code == 21, 31 <= code && code <= 36,
		51 <= code && code <= 53, 61 <= code && code <= 65,
		71 <= code && code <= 76, 81 <= code && code <= 82,
		91 <= code && code <= 97:
		return true
	}
	return false
}

// validDay reports whether day can occur in month. The year has only two
// digits and so no century, so 29 February is always possible.
func validDay(day, month int) bool {
	days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	return day >= 1 && day <= days[month-1]
}

// num returns the value of two ASCII digits.
func num(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }
