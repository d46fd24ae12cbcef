// Package locale formats dates, numbers and rupiah amounts the way
// Indonesian readers expect them, following the official spelling guide
// (PUEBI).
//
// It takes plain values (a time.Time, an int64, a time.Month) and gives
// display strings: "Kamis, 5 November 2020", "5 Nov 2020", "1.250.000",
// "Rp1.250.000", "Rp1,5 miliar". Every time is shown in Western Indonesia
// Time (WIB, UTC+7) through a fixed zone, so the output does not depend on
// the machine's time zone database and builds stay byte-for-byte
// reproducible.
package locale

import (
	"strconv"
	"time"
)

// WIB is Western Indonesia Time (UTC+7), the zone of Asia/Jakarta.
// Indonesia observes no daylight saving time, so a fixed zone is exact and
// needs no tzdata on the build machine.
var WIB = time.FixedZone("WIB", 7*60*60)

// MonthName returns the Indonesian name of m, such as "Januari" or
// "Desember". It returns "" for a value outside January..December.
func MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return [...]string{
		"Januari", "Februari", "Maret", "April", "Mei", "Juni",
		"Juli", "Agustus", "September", "Oktober", "November", "Desember",
	}[m-1]
}

// shortMonthName returns the customary Indonesian abbreviation of a valid
// month; Indonesian writes "Mei", "Agu", "Okt" and "Des" where English has
// May, Aug, Oct and Dec.
func shortMonthName(m time.Month) string {
	return [...]string{
		"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
		"Jul", "Agu", "Sep", "Okt", "Nov", "Des",
	}[m-1]
}

// dayName returns the Indonesian name of a day of the week.
func dayName(d time.Weekday) string {
	return [...]string{
		"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
	}[d]
}

// Date formats t in WIB as a full Indonesian date with the day of the week,
// such as "Kamis, 5 November 2020".
func Date(t time.Time) string {
	t = t.In(WIB)
	return dayName(t.Weekday()) + ", " + strconv.Itoa(t.Day()) + " " +
		MonthName(t.Month()) + " " + strconv.Itoa(t.Year())
}

// ShortDate formats t in WIB as a compact Indonesian date with an
// abbreviated month, such as "5 Nov 2020" or "17 Agu 1945".
func ShortDate(t time.Time) string {
	t = t.In(WIB)
	return strconv.Itoa(t.Day()) + " " + shortMonthName(t.Month()) + " " +
		strconv.Itoa(t.Year())
}
