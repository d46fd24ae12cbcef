package agenda

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	_ "time/tzdata" // the parser loads Asia/Jakarta by name; do not depend on the machine's zone files
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/locale"
)

// load reads one site whose agenda holds the given files (name → front
// matter lines) and returns its events, failing on any problem.
func load(t *testing.T, pages map[string]string) []*Event {
	t.Helper()
	fsys := fstest.MapFS{
		"sites.yaml": {Data: []byte("city: Kota Malang\nbase_url: https://kim.example.id/\nsites:\n  - id: kauman\n    name: Kelurahan Kauman\n    kecamatan: Klojen\n")},
	}
	for name, front := range pages {
		fsys["content/kauman/agenda/"+name+".md"] = &fstest.MapFile{Data: []byte("---\n" + front + "\n---\nIsi.\n")}
	}
	city, problems := config.Load(fsys)
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	site, problems := content.Load(fsys, city.Sites[0], false)
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	return Events(site)
}

func dates(e *Event, n int) []string {
	var out []string
	for o := range e.Occurrences {
		if len(out) == n {
			break
		}
		out = append(out, o.Start.In(locale.WIB).Format("2006-01-02 15:04"))
	}
	return out
}

// TestRecurrence expands the rules volunteers write. The months are 2026's:
// April and July start on a Wednesday, so their second Tuesday is the 14th,
// the latest it can be; September starts on a Tuesday (the 8th).
func TestRecurrence(t *testing.T) {
	tests := []struct {
		name, front string
		want        []string
	}{
		{"second Tuesday, late and early months, until an occurrence's own day",
			"title: Posyandu\nstart: 2026-03-10 08:00\nend: 2026-03-10 11:00\nrepeat:\n  every: bulanan\n  on: Selasa  Kedua\n  until: 2026-10-13",
			[]string{"2026-03-10 08:00", "2026-04-14 08:00", "2026-05-12 08:00", "2026-06-09 08:00", "2026-07-14 08:00",
				"2026-08-11 08:00", "2026-09-08 08:00", "2026-10-13 08:00"}},
		{"until the day before an occurrence leaves it out",
			"title: Posyandu\nstart: 2026-03-10 08:00\nrepeat:\n  every: bulanan\n  on: selasa ke-2\n  until: 2026-07-13",
			[]string{"2026-03-10 08:00", "2026-04-14 08:00", "2026-05-12 08:00", "2026-06-09 08:00"}},
		{"last Friday, in February and 30- and 31-day months",
			"title: Arisan\nstart: 2026-01-30 19:30\nrepeat:\n  every: bulanan\n  on: jumat terakhir\n  until: 2026-05-31",
			[]string{"2026-01-30 19:30", "2026-02-27 19:30", "2026-03-27 19:30", "2026-04-24 19:30", "2026-05-29 19:30"}},
		{"by date, without end (the first five of many)",
			"title: Lansia\nstart: 2026-11-15 09:00\nrepeat:\n  every: bulanan\n  on: tanggal 15",
			[]string{"2026-11-15 09:00", "2026-12-15 09:00", "2027-01-15 09:00", "2027-02-15 09:00", "2027-03-15 09:00"}},
		{"weekly on the start's day, across a month and a year",
			"title: Ronda\nstart: 2026-12-19 21:00\nrepeat:\n  every: mingguan\n  until: 2027-01-09",
			[]string{"2026-12-19 21:00", "2026-12-26 21:00", "2027-01-02 21:00", "2027-01-09 21:00"}},
		{"a start with another offset keeps its WIB wall clock",
			"title: Rapat\nstart: 2026-06-01T09:00:00+08:00\nrepeat:\n  every: mingguan\n  on: senin\n  until: 2026-06-15",
			[]string{"2026-06-01 08:00", "2026-06-08 08:00", "2026-06-15 08:00"}},
		{"once", "title: Lomba\nstart: 2026-08-17", []string{"2026-08-17 00:00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := load(t, map[string]string{"a": tt.front})[0]
			n := len(tt.want) + 1 // one more, to see the end
			if e.Rule != nil && e.Rule.Until.IsZero() {
				n = len(tt.want)
			}
			if got := dates(e, n); strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("occurrences\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}

// TestSplit checks what the lists show at a given instant: an event is
// upcoming until its end, a recurring one shows its next dates, and an
// event leaves for the past only when its last occurrence is over.
func TestSplit(t *testing.T) {
	events := load(t, map[string]string{
		"posyandu": "title: Posyandu\nstart: 2026-03-10 08:00\nend: 2026-03-10 11:00\nrepeat:\n  every: bulanan\n  on: selasa kedua\n  until: 2026-06-30",
		"rapat":    "title: Rapat\nstart: 2026-04-14 10:00\nend: 2026-04-14 12:00",
		"lomba":    "title: Lomba\nstart: 2026-04-14",
	})
	at := func(s string) time.Time {
		t.Helper()
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	titles := func(list []Occurrence) string {
		var s []string
		for _, o := range list {
			s = append(s, o.Title+" "+o.Start.In(locale.WIB).Format("01-02T15"))
		}
		return strings.Join(s, ", ")
	}
	for _, tt := range []struct{ now, upcoming, past string }{
		{"2026-04-14T10:59:59+07:00", "Lomba 04-14T00, Posyandu 04-14T08, Rapat 04-14T10, Posyandu 05-12T08", ""},
		{"2026-04-14T11:00:00+07:00", "Lomba 04-14T00, Rapat 04-14T10, Posyandu 05-12T08, Posyandu 06-09T08", ""},
		{"2026-04-15T00:00:00+07:00", "Posyandu 05-12T08, Posyandu 06-09T08", "Rapat 04-14T10, Lomba 04-14T00"},
		{"2026-06-09T11:00:00+07:00", "", "Posyandu 06-09T08, Rapat 04-14T10, Lomba 04-14T00"},
	} {
		now := at(tt.now)
		if got := titles(Upcoming(events, now, 2, 4)); got != tt.upcoming {
			t.Errorf("at %s upcoming:\n got %s\nwant %s", tt.now, got, tt.upcoming)
		}
		years, byYear := Past(events, now)
		var past []Occurrence
		for _, y := range years {
			past = append(past, byYear[y]...)
		}
		if got := titles(past); got != tt.past {
			t.Errorf("at %s past:\n got %s\nwant %s", tt.now, got, tt.past)
		}
	}
	from, to := Week(at("2026-04-13T20:00:00+07:00"))
	if got := titles(Between(events, from, to)); got != "Lomba 04-14T00, Posyandu 04-14T08, Rapat 04-14T10" {
		t.Errorf("week: %s", got)
	}
}

// hostile is text that must survive a calendar file: the characters TEXT
// escapes, a line break, and UTF-8 beyond the BMP.
const hostile = `Rapat \ RW; 03, "warga" é 🎉` + "\nbaris baru"

// TestCalendarParses writes calendars and reads them back with a real
// iCalendar parser, expanding each RRULE with the parser's own recurrence
// engine and comparing the dates with ours.
func TestCalendarParses(t *testing.T) {
	long := strings.Repeat("Pelatihan membatik untuk ibu-ibu PKK dan remaja karang taruna 🎨 ", 6)
	events := load(t, map[string]string{
		"posyandu": "title: Posyandu Melati\nstart: 2026-03-10 08:00\nend: 2026-03-10 11:00\nlocation: Balai RW 02, Jl. Kauman; Gang 2\nrepeat:\n  every: bulanan\n  on: selasa kedua\n  until: 2026-10-13",
		"arisan":   "title: Arisan\nstart: 2026-01-30 19:30\nend: 2026-01-30 21:00\nrepeat:\n  every: bulanan\n  on: jumat terakhir\n  until: 2026-12-31",
		"lansia":   "title: Lansia\nstart: 2026-11-15\nrepeat:\n  every: bulanan\n  on: tanggal 15\n  until: 2027-04-15",
		// Folds that would fall inside a character: "SUMMARY:" and 66
		// letters put a two-byte é across the 75th octet; emoji, four bytes
		// each, straddle every fold after it.
		"e-acute": "title: " + strings.Repeat("a", 66) + "ééé\nstart: 2026-05-01",
		"emoji":   "title: " + strings.Repeat("🎉", 60) + "\nstart: 2026-05-02",
		"ronda":   "title: Ronda\nstart: 2026-12-19 21:00\nend: 2026-12-19 23:30\nrepeat:\n  every: mingguan\n  until: 2027-02-06",
		"senam":   "title: Senam\nstart: 2026-12-18 06:00\nrepeat:\n  every: mingguan",
		"batik":   "title: \"" + long + "\"\nsummary: |-\n  " + strings.ReplaceAll(hostile, "\n", "\n  ") + "\nstart: 2026-08-17\nend: 2026-08-19\ntags: [budaya, \"a,b\"]\ncontact: 0812-3300-1122",
	})
	data := Calendar("Agenda Kelurahan Kauman, "+hostile+"\r", events)

	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d is cut inside a UTF-8 character: %q", i+1, line)
		}
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d holds a bare line break: %q", i+1, line)
		}
	}
	if !bytes.HasSuffix(data, []byte("END:VCALENDAR\r\n")) {
		t.Error("the calendar does not end with END:VCALENDAR and CRLF")
	}

	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the calendar: %v", err)
	}
	if name, _ := cal.Props.Text("X-WR-CALNAME"); name != "Agenda Kelurahan Kauman, "+hostile+" " {
		t.Errorf("calendar name read back as %q", name)
	}
	parsed := cal.Events()
	if len(parsed) != len(events) {
		t.Fatalf("%d events read back, want %d", len(parsed), len(events))
	}
	for i, pe := range parsed {
		e := events[i]
		uid, _ := pe.Props.Text(ical.PropUID)
		summary, _ := pe.Props.Text(ical.PropSummary)
		if uid != e.UID || summary != e.Title {
			t.Errorf("event %d read back as %q %q, want %q %q", i, uid, summary, e.UID, e.Title)
		}
		if _, err := pe.Props.DateTime(ical.PropDateTimeStamp, nil); err != nil {
			t.Errorf("%s: DTSTAMP: %v", e.Title, err)
		}
		start, err := pe.DateTimeStart(locale.WIB)
		if err != nil || !start.Equal(e.Start) {
			t.Errorf("%s: DTSTART read back as %v (%v), want %v", e.Title, start, err, e.Start)
		}
		if !e.End.IsZero() {
			end, err := pe.DateTimeEnd(locale.WIB)
			if want := e.Over(e.Start); err != nil || !end.Equal(want) {
				t.Errorf("%s: DTEND read back as %v (%v), want %v", e.Title, end, err, want)
			}
		}
		if strings.HasPrefix(e.Title, "Pelatihan") {
			desc, _ := pe.Props.Text(ical.PropDescription)
			if !strings.HasPrefix(desc, hostile+"\n") || !strings.Contains(desc, "+62 812-3300-1122") {
				t.Errorf("description read back as %q", desc)
			}
			if tags, _ := pe.Props.Get(ical.PropCategories).TextList(); strings.Join(tags, "|") != "budaya|a,b" {
				t.Errorf("categories read back as %q", tags)
			}
		}
		set, err := pe.RecurrenceSet(locale.WIB)
		if err != nil {
			t.Fatalf("%s: RRULE: %v", e.Title, err)
		}
		if (set == nil) != (e.Rule == nil) {
			t.Fatalf("%s: RRULE present %v, want %v", e.Title, set != nil, e.Rule != nil)
		}
		if set == nil {
			continue
		}
		var theirs, ours []string
		for _, d := range set.Between(e.Start.AddDate(-1, 0, 0), e.Start.AddDate(3, 0, 0), true) {
			theirs = append(theirs, d.In(locale.WIB).Format("2006-01-02 15:04"))
		}
		for o := range e.Occurrences {
			if !o.Start.Before(e.Start.AddDate(3, 0, 0)) {
				break
			}
			ours = append(ours, o.Start.In(locale.WIB).Format("2006-01-02 15:04"))
		}
		if strings.Join(theirs, ",") != strings.Join(ours, ",") {
			t.Errorf("%s: the parser expands the RRULE to\n%v\nwe list\n%v", e.Title, theirs, ours)
		}
	}
}

// TestCalendarIsStable: the same events give the same bytes, whatever the
// machine's zone.
func TestCalendarIsStable(t *testing.T) {
	front := map[string]string{"a": "title: Rapat\nstart: 2026-04-14 10:00\nend: 2026-04-14 12:00"}
	first := Calendar("x", load(t, front))
	t.Setenv("TZ", "America/New_York")
	if second := Calendar("x", load(t, front)); !bytes.Equal(first, second) {
		t.Error("the calendar changed between two runs")
	}
	if !bytes.Contains(first, []byte("DTSTAMP:20260414T030000Z\r\n")) {
		t.Errorf("DTSTAMP is not the event's start in UTC:\n%s", first)
	}
}
