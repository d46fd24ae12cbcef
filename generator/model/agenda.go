package model

import (
	"fmt"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/kotamalang/kimsite/generator/locale"
)

// wib is the zone events are expanded in: Indonesia keeps no daylight
// saving, so a weekly event's wall-clock time is a fixed UTC time.
var wib = locale.WIB

// AgendaFront is an event: a posyandu, a kerja bakti, a Musrenbang meeting.
// Its optional `date` is when the page is published, like every page's;
// when the event happens is `start` (and `end`).
//
// A recurring event is written once, with its first date as start:
//
//	start: 2026-11-10 08:00
//	end: 2026-11-10 11:00
//	repeat:
//	  every: bulanan          # or mingguan
//	  on: selasa kedua        # bulanan: "<hari> <pertama|kedua|ketiga|keempat|terakhir>" or "tanggal 1".."tanggal 28"
//	  until: 2027-06-30       # optional: the last day it may happen
//
// start must itself be one of the dates the rule gives, so that the page,
// the list and the calendar file can never disagree about the first one.
type AgendaFront struct {
	Common    `yaml:",inline"`
	Start     Date    `yaml:"start" required:"true" label:"Mulai" hint:"Tanggal dan jam mulai (WIB), mis. 2026-12-08 08:00; tanggal saja untuk acara sehari penuh."`
	End       Date    `yaml:"end" label:"Selesai" hint:"Tanggal dan jam selesai, mis. 2026-12-08 11:00."`
	Location  string  `yaml:"location" label:"Tempat" hint:"Mis. Balai RW 03, Jl. Kauman Gang 3."`
	RW        string  `yaml:"rw" label:"RW" hint:"Nomor RW, mis. 03."`
	Organizer string  `yaml:"organizer" label:"Penyelenggara" hint:"Mis. Kader Posyandu Melati."`
	Contact   string  `yaml:"contact" kind:"phone" label:"Kontak (WhatsApp)" hint:"Nomor WhatsApp panitia, mis. 0812-3456-7890."`
	Repeat    *Repeat `yaml:"repeat" label:"Berulang" hint:"Untuk acara rutin: every (mingguan/bulanan), on (mis. selasa kedua), until (tanggal terakhir)."`
}

// Repeat says how an event recurs.
type Repeat struct {
	Every string `yaml:"every" required:"true" enum:"mingguan,bulanan" label:"Setiap" hint:"mingguan atau bulanan."`
	On    string `yaml:"on" kind:"repeat-on" label:"Pada" hint:"Bulanan: hari dan urutannya, mis. selasa kedua, jumat terakhir, atau tanggal 15. Mingguan: nama hari, mis. sabtu (boleh dikosongkan)."`
	Until Date   `yaml:"until" kind:"day" label:"Sampai" hint:"Tanggal terakhir acara boleh diadakan, mis. 2027-06-30; kosongkan bila terus berlanjut."`
}

// Rule is a Repeat read and checked: the dates an event recurs on.
type Rule struct {
	Weekly  bool
	Weekday time.Weekday // the day of a weekly rule or of a monthly "selasa kedua"
	Nth     int          // 1 to 4, or -1 for the last such day of the month; 0 for Day
	Day     int          // a monthly rule by date: 1 to 28
	Until   time.Time    // the last day it may happen (midnight WIB); zero when it goes on
}

// MaxOccurrences bounds how far any expansion of a rule goes; weekly from
// the year 2000 to 2100 stays below it.
const MaxOccurrences = 6000

var weekdays = map[string]time.Weekday{
	"minggu": time.Sunday, "ahad": time.Sunday, "senin": time.Monday, "selasa": time.Tuesday,
	"rabu": time.Wednesday, "kamis": time.Thursday, "jumat": time.Friday, "jum'at": time.Friday,
	"sabtu": time.Saturday,
}

var ordinals = map[string]int{
	"pertama": 1, "kesatu": 1, "ke-1": 1, "ke1": 1, "1": 1,
	"kedua": 2, "ke-2": 2, "ke2": 2, "2": 2,
	"ketiga": 3, "ke-3": 3, "ke3": 3, "3": 3,
	"keempat": 4, "ke-4": 4, "ke4": 4, "4": 4,
	"terakhir": -1,
}

// WeekdayName is the Indonesian name of a day, lowercase as volunteers write it.
func WeekdayName(d time.Weekday) string {
	return [...]string{"minggu", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu"}[d]
}

// OrdinalName is the Indonesian ordinal of a monthly rule's Nth.
func OrdinalName(n int) string {
	switch n {
	case 1:
		return "pertama"
	case 2:
		return "kedua"
	case 3:
		return "ketiga"
	case 4:
		return "keempat"
	}
	return "terakhir"
}

// Check reports the mistakes decoding alone cannot see: a missing start, an
// end before the start, a repeat rule that start does not fit.
func (a *AgendaFront) Check() []Issue {
	var issues []Issue
	if a.Start.IsZero() {
		return []Issue{{Key: "start", Message: `kunci "start" wajib diisi`, Hint: "Tulis tanggal dan jam mulai, mis. start: 2026-12-08 08:00."}}
	}
	start := a.Start.In(wib)
	if !a.End.IsZero() {
		end := a.End.In(wib)
		switch {
		case a.Start.DateOnly != a.End.DateOnly:
			issues = append(issues, Issue{Key: "end", Message: `"start" dan "end" harus sama-sama tanggal saja, atau sama-sama dengan jam`,
				Hint: "Mis. start: 2026-12-08 08:00 dan end: 2026-12-08 11:00, atau start: 2026-12-08 dan end: 2026-12-09."})
		case a.Start.DateOnly && end.Before(start), !a.Start.DateOnly && !end.After(start):
			issues = append(issues, Issue{Key: "end", Message: fmt.Sprintf(`"end" (%s) tidak boleh sebelum "start" (%s)`, a.End.Format("2006-01-02 15:04"), a.Start.Format("2006-01-02 15:04")),
				Hint: "Periksa tanggal dan jamnya; jam ditulis 24 jam, mis. 13:00 untuk pukul satu siang."})
		case end.Sub(start) > 366*24*time.Hour:
			issues = append(issues, Issue{Key: "end", Message: `acara lebih dari setahun: "end" terlalu jauh dari "start"`, Hint: "Periksa tahunnya."})
		case a.Repeat != nil && !sameDay(start, end):
			issues = append(issues, Issue{Key: "end", Message: "acara berulang harus selesai pada hari yang sama dengan mulainya",
				Hint: "Tulis end pada tanggal yang sama dengan start, mis. 2026-12-08 11:00."})
		}
	}
	if a.Repeat != nil {
		_, more := a.Repeat.Rule(a.Start)
		issues = append(issues, more...)
	}
	return issues
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// Rule reads the repeat rule of an event that starts at start, and reports
// what is wrong with it (under the key paths "repeat.*").
func (r *Repeat) Rule(start Date) (Rule, []Issue) {
	s := start.In(wib)
	if r.Every != "mingguan" && r.Every != "bulanan" {
		return Rule{}, nil // the decoder has said what is wrong with "every"
	}
	rule := Rule{Weekly: r.Every == "mingguan"}
	on := strings.Join(strings.Fields(strings.ToLower(r.On)), " ")
	switch {
	case rule.Weekly && on == "":
		rule.Weekday = s.Weekday()
	case rule.Weekly:
		wd, ok := weekdays[on]
		if !ok {
			return rule, []Issue{{Key: "repeat.on", Message: fmt.Sprintf("hari %q tidak dikenali", r.On), Hint: "Tulis nama hari, mis. sabtu."}}
		}
		rule.Weekday = wd
	case on == "":
		return rule, []Issue{{Key: "repeat", Message: `acara bulanan perlu "on": hari apa setiap bulannya`,
			Hint: fmt.Sprintf("Mis. on: %s %s (sesuai start), atau on: tanggal %d.", WeekdayName(s.Weekday()), OrdinalName((s.Day()-1)/7+1), s.Day())}}
	default:
		var issue *Issue
		rule, issue = monthly(rule, on, r.On)
		if issue != nil {
			return rule, []Issue{*issue}
		}
	}
	var issues []Issue
	if !r.Until.IsZero() {
		u := r.Until.In(wib)
		rule.Until = time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, wib)
		switch {
		case !r.Until.DateOnly:
			issues = append(issues, Issue{Key: "repeat.until", Message: `"until" ditulis tanggal saja, tanpa jam`, Hint: "Mis. until: 2027-06-30."})
		case rule.Until.Before(time.Date(s.Year(), s.Month(), s.Day(), 0, 0, 0, 0, wib)):
			issues = append(issues, Issue{Key: "repeat.until", Message: fmt.Sprintf(`"until" (%s) lebih awal dari "start" (%s)`, u.Format("2006-01-02"), s.Format("2006-01-02")), Hint: "Periksa tahunnya."})
		}
	}
	if !rule.Matches(s) {
		day := WeekdayName(s.Weekday())
		issues = append(issues, Issue{Key: "start", Message: fmt.Sprintf(`"start" (%s, %s) bukan salah satu tanggal aturan "repeat" (%s)`, s.Format("2006-01-02"), strings.ToUpper(day[:1])+day[1:], rule.Describe()),
			Hint: "Jadikan start tanggal pertama acara itu benar-benar diadakan, atau perbaiki \"on\"."})
	}
	return rule, issues
}

// monthly reads the "on" of a monthly rule: "selasa kedua", "jumat
// terakhir", "tanggal 15".
func monthly(rule Rule, on, raw string) (Rule, *Issue) {
	words := strings.Fields(on)
	if len(words) == 2 && (words[0] == "tanggal" || words[0] == "tgl") {
		d, err := strconv.Atoi(words[1])
		if err != nil || d < 1 || d > 28 {
			return rule, &Issue{Key: "repeat.on", Message: fmt.Sprintf("tanggal %q tidak bisa dipakai setiap bulan", words[1]),
				Hint: "Pakai tanggal 1 sampai 28 (ada di setiap bulan); untuk akhir bulan tulis mis. jumat terakhir."}
		}
		rule.Day = d
		return rule, nil
	}
	if len(words) == 2 {
		wd, okDay := weekdays[words[0]]
		n, okNth := ordinals[words[1]]
		if okDay && okNth {
			rule.Weekday, rule.Nth = wd, n
			return rule, nil
		}
	}
	return rule, &Issue{Key: "repeat.on", Message: fmt.Sprintf("%q tidak dikenali sebagai hari dalam bulan", raw),
		Hint: "Tulis nama hari lalu urutannya (pertama, kedua, ketiga, keempat, terakhir), mis. selasa kedua; atau tanggal 15."}
}

// Describe says the rule in Indonesian: "setiap Selasa kedua", "setiap
// tanggal 15", "setiap Sabtu".
func (r Rule) Describe() string {
	day := WeekdayName(r.Weekday)
	day = strings.ToUpper(day[:1]) + day[1:]
	switch {
	case r.Weekly:
		return "setiap " + day
	case r.Day > 0:
		return "setiap tanggal " + strconv.Itoa(r.Day)
	}
	return "setiap " + day + " " + OrdinalName(r.Nth)
}

// Matches reports whether day t (in WIB) is one the rule gives.
func (r Rule) Matches(t time.Time) bool {
	t = t.In(wib)
	if r.Weekly {
		return t.Weekday() == r.Weekday
	}
	d, ok := r.inMonth(t.Year(), t.Month())
	return ok && d == t.Day()
}

// inMonth is the rule's day in a month.
func (r Rule) inMonth(year int, month time.Month) (int, bool) {
	if r.Day > 0 {
		return r.Day, true
	}
	first := time.Date(year, month, 1, 0, 0, 0, 0, wib)
	if r.Nth > 0 {
		return 1 + (int(r.Weekday)-int(first.Weekday())+7)%7 + 7*(r.Nth-1), true
	}
	last := first.AddDate(0, 1, -1)
	return last.Day() - (int(last.Weekday())-int(r.Weekday)+7)%7, true
}

// Starts gives the start of every occurrence of an event that first starts
// at start (which the rule matches), in order, up to the rule's Until and
// at most MaxOccurrences of them. The time of day is start's, in WIB.
func (r Rule) Starts(start time.Time) iter.Seq[time.Time] {
	s := start.In(wib)
	return func(yield func(time.Time) bool) {
		for i := range MaxOccurrences {
			var t time.Time
			if r.Weekly {
				t = time.Date(s.Year(), s.Month(), s.Day()+7*i, s.Hour(), s.Minute(), s.Second(), 0, wib)
			} else {
				first := time.Date(s.Year(), s.Month()+time.Month(i), 1, 0, 0, 0, 0, wib)
				d, _ := r.inMonth(first.Year(), first.Month())
				t = time.Date(first.Year(), first.Month(), d, s.Hour(), s.Minute(), s.Second(), 0, wib)
			}
			if !r.Until.IsZero() && !t.Before(r.Until.AddDate(0, 0, 1)) {
				return
			}
			if !yield(t) {
				return
			}
		}
	}
}
