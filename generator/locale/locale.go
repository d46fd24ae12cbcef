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

// Clock formats the time of day of t in WIB the Indonesian way, with a
// dot: "08.00", "19.30".
func Clock(t time.Time) string {
	return t.In(WIB).Format("15.04")
}

// Span formats when an event happens: "Selasa, 8 Desember 2026,
// 08.00–11.00 WIB" for a time on one day, "Selasa, 8 Desember 2026, 08.00
// WIB" without an end, "Sabtu, 8 Agustus 2026 – Minggu, 9 Agustus 2026"
// for whole days, and both dates with their times when a timed event runs
// past midnight. end is the last moment (zero for none); for whole days it
// is the last day.
func Span(start, end time.Time, wholeDays bool) string {
	s, e := start.In(WIB), end.In(WIB)
	same := end.IsZero() || s.Year() == e.Year() && s.YearDay() == e.YearDay()
	switch {
	case wholeDays && same:
		return Date(s)
	case wholeDays:
		return Date(s) + " – " + Date(e)
	case end.IsZero():
		return Date(s) + ", " + Clock(s) + " WIB"
	case same:
		return Date(s) + ", " + Clock(s) + "–" + Clock(e) + " WIB"
	}
	return Date(s) + ", " + Clock(s) + " – " + Date(e) + ", " + Clock(e) + " WIB"
}

// DateTime formats a moment with its date and time: "Kamis, 5 November
// 2026 pukul 08.00 WIB".
func DateTime(t time.Time) string {
	return Date(t) + " pukul " + Clock(t) + " WIB"
}
