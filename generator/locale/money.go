package locale

import "strconv"

// Number formats n with a dot between groups of three digits and a leading
// minus sign when it is negative, such as "1.250.000" or "-15.000".
func Number(n int64) string {
	sign, abs := split(n)
	return sign + group(abs)
}

// Rupiah formats n as a rupiah amount: "Rp" with no space, then the amount
// as Number writes it, such as "Rp1.250.000" or "Rp0". A negative amount
// puts the sign before the currency: "-Rp15.000".
func Rupiah(n int64) string {
	sign, abs := split(n)
	return sign + "Rp" + group(abs)
}

// RupiahShort formats n as a rounded rupiah amount in words for sums of
// at least one million (juta), one billion (miliar) or one trillion
// (triliun), such as "Rp250 juta", "Rp1,5 miliar" or "Rp1,25 triliun".
// It keeps at most two decimals, written with a decimal comma and with
// trailing zeros dropped, and rounds half up on the absolute value, so
// Rp999.999.999 reads "Rp1 miliar" rather than "Rp1.000 juta". Amounts
// under one million are written as Rupiah writes them.
func RupiahShort(n int64) string {
	sign, abs := split(n)
	if abs < 1_000_000 {
		return Rupiah(n)
	}
	// Each unit is a thousand times the one before, so an amount that
	// rounds up to a thousand units is written in the next unit instead.
	units := [...]struct {
		size uint64
		name string
	}{
		{1_000_000, "juta"},
		{1_000_000_000, "miliar"},
		{1_000_000_000_000, "triliun"},
	}
	i := 0
	for i+1 < len(units) && abs >= units[i+1].size {
		i++
	}
	h := hundredths(abs, units[i].size)
	if h >= 1000*100 && i+1 < len(units) {
		i++
		h = hundredths(abs, units[i].size)
	}
	return sign + "Rp" + decimal(h) + " " + units[i].name
}

// split returns the sign of n ("-" or "") and its absolute value, which is
// exact even for math.MinInt64.
func split(n int64) (string, uint64) {
	if n < 0 {
		return "-", -uint64(n)
	}
	return "", uint64(n)
}

// hundredths returns abs/unit in hundredths, rounded half up, without
// overflowing for any uint64.
func hundredths(abs, unit uint64) uint64 {
	q, r := abs/unit, abs%unit
	return q*100 + (r*100+unit/2)/unit
}

// decimal writes h hundredths with grouped whole units, a decimal comma
// and no trailing zeros: 150 is "1,5", 125 is "1,25", 200 is "2".
func decimal(h uint64) string {
	s := group(h / 100)
	switch frac := h % 100; {
	case frac == 0:
		return s
	case frac%10 == 0:
		return s + "," + strconv.FormatUint(frac/10, 10)
	default:
		return s + "," + strconv.FormatUint(frac/10, 10) + strconv.FormatUint(frac%10, 10)
	}
}

// group writes u in decimal with a dot between groups of three digits.
func group(u uint64) string {
	digits := strconv.FormatUint(u, 10)
	lead := len(digits) % 3
	if lead == 0 {
		lead = 3
	}
	b := make([]byte, 0, len(digits)+len(digits)/3)
	b = append(b, digits[:lead]...)
	for i := lead; i < len(digits); i += 3 {
		b = append(b, '.')
		b = append(b, digits[i:i+3]...)
	}
	return string(b)
}
