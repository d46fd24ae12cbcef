package locale

import (
	"math/big"
	"strconv"
	"strings"
	"testing"
	"time"
)

// FuzzRupiahShort checks that RupiahShort, Rupiah and Number read back as
// the amount they were given: exactly for Number and Rupiah, and within half
// a hundredth of the unit for RupiahShort.
func FuzzRupiahShort(f *testing.F) {
	for _, n := range []int64{0, 1, -1, 999_999, 1_000_000, 1_005_000, 999_995_000,
		999_999_999, 1_250_000_000_000, 9223372036854775807, -9223372036854775808} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		num := Number(n)
		if back, err := strconv.ParseInt(strings.ReplaceAll(num, ".", ""), 10, 64); err != nil || back != n {
			t.Fatalf("Number(%d) = %q reads back as %d, %v", n, num, back, err)
		}
		rp := Rupiah(n)
		if want := strings.Replace("Rp"+num, "Rp-", "-Rp", 1); rp != want {
			t.Fatalf("Rupiah(%d) = %q, want %q", n, rp, want)
		}

		got := RupiahShort(n)
		abs := new(big.Int).Abs(big.NewInt(n))
		if abs.Cmp(big.NewInt(1_000_000)) < 0 {
			if got != rp {
				t.Fatalf("RupiahShort(%d) = %q, want %q", n, got, rp)
			}
			return
		}
		hundredths, unit := parseShort(t, got, n < 0)
		// |hundredths*unit - 100*abs| <= unit/2, i.e. rounded to the nearest.
		diff := new(big.Int).Mul(big.NewInt(int64(hundredths)), big.NewInt(unit))
		diff.Sub(diff, new(big.Int).Mul(abs, big.NewInt(100)))
		twice := new(big.Int).Mul(diff, big.NewInt(2))
		if twice.CmpAbs(big.NewInt(unit)) > 0 || twice.Cmp(big.NewInt(-unit)) == 0 {
			t.Fatalf("RupiahShort(%d) = %q is not rounded half up", n, got)
		}
		if unit < 1_000_000_000_000 && hundredths >= 100_000 {
			t.Fatalf("RupiahShort(%d) = %q should use a larger unit", n, got)
		}
		if hundredths < 100 {
			t.Fatalf("RupiahShort(%d) = %q should use a smaller unit", n, got)
		}
	})
}

// parseShort reads "Rp1.234,56 juta" back as hundredths and the unit's size.
func parseShort(t *testing.T, s string, negative bool) (uint64, int64) {
	t.Helper()
	rest, ok := strings.CutPrefix(s, "Rp")
	if negative {
		rest, ok = strings.CutPrefix(s, "-Rp")
	}
	amount, name, ok2 := strings.Cut(rest, " ")
	units := map[string]int64{"juta": 1e6, "miliar": 1e9, "triliun": 1e12}
	unit, ok3 := units[name]
	if !ok || !ok2 || !ok3 {
		t.Fatalf("malformed %q", s)
	}
	whole, frac, hasFrac := strings.Cut(amount, ",")
	if hasFrac && (frac == "" || len(frac) > 2 || strings.HasSuffix(frac, "0")) {
		t.Fatalf("bad decimals in %q", s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err := strconv.ParseUint(strings.ReplaceAll(whole, ".", ""), 10, 64)
	if err != nil || Number(int64(w)) != whole {
		t.Fatalf("bad whole part in %q", s)
	}
	h, err := strconv.ParseUint(frac, 10, 64)
	if err != nil {
		t.Fatalf("bad decimals in %q", s)
	}
	return w*100 + h, unit
}

// FuzzDate checks that Date and ShortDate agree with each other and with
// the time seen in WIB, for any instant.
func FuzzDate(f *testing.F) {
	f.Add(int64(1604545200), "UTC", 0)
	f.Add(int64(-770601600), "WITA", 8*3600)
	f.Add(int64(1703998799), "", -5*3600)
	f.Fuzz(func(t *testing.T, unix int64, zone string, offset int) {
		in := time.Unix(unix, 0).In(time.FixedZone(zone, offset%(24*3600)))
		w := in.In(WIB)
		long, short := Date(in), ShortDate(in)
		day, rest, ok := strings.Cut(long, ", ")
		if !ok || day == "" {
			t.Fatalf("Date(%v) = %q has no day name", in, long)
		}
		want := strconv.Itoa(w.Day()) + " " + MonthName(w.Month()) + " " + strconv.Itoa(w.Year())
		if rest != want {
			t.Fatalf("Date(%v) = %q, want %q after the day", in, long, want)
		}
		if !strings.HasPrefix(short, strconv.Itoa(w.Day())+" ") ||
			!strings.HasSuffix(short, " "+strconv.Itoa(w.Year())) {
			t.Fatalf("ShortDate(%v) = %q", in, short)
		}
	})
}
