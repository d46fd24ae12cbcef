package agenda

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/phone"
)

// The iCalendar files (RFC 5545) that phones and Google Calendar subscribe
// to. Times are written in the Asia/Jakarta zone with its VTIMEZONE: WIB
// has kept UTC+7 without daylight saving since 1964, so one STANDARD rule
// is the whole zone. A recurring event is one VEVENT with an RRULE, as it
// was written. Nothing depends on the clock: DTSTAMP is the page's date
// (else its start), and UID is the page's address, so every build writes
// the same bytes and a calendar that re-reads the feed updates the events
// it knows instead of adding copies.

// Calendar is the text of an iCalendar file holding events; name is the
// calendar's name for clients that show one.
func Calendar(name string, events []*Event) []byte {
	var w icsWriter
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//kimsite//Agenda KIM//ID")
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	w.line("X-WR-CALNAME:" + escape(name))
	w.line("X-WR-TIMEZONE:Asia/Jakarta")
	w.line("BEGIN:VTIMEZONE")
	w.line("TZID:Asia/Jakarta")
	w.line("BEGIN:STANDARD")
	w.line("DTSTART:19700101T000000")
	w.line("TZOFFSETFROM:+0700")
	w.line("TZOFFSETTO:+0700")
	w.line("TZNAME:WIB")
	w.line("END:STANDARD")
	w.line("END:VTIMEZONE")
	for _, e := range events {
		w.event(e)
	}
	w.line("END:VCALENDAR")
	return w.buf.Bytes()
}

type icsWriter struct{ buf bytes.Buffer }

func (w *icsWriter) event(e *Event) {
	w.line("BEGIN:VEVENT")
	w.line("UID:" + escape(e.UID))
	w.line("DTSTAMP:" + e.Stamp.UTC().Format("20060102T150405Z"))
	if e.AllDay {
		w.line("DTSTART;VALUE=DATE:" + e.Start.Format("20060102"))
		w.line("DTEND;VALUE=DATE:" + e.Over(e.Start).In(locale.WIB).Format("20060102"))
	} else {
		w.line("DTSTART;TZID=Asia/Jakarta:" + local(e.Start))
		if !e.End.IsZero() {
			w.line("DTEND;TZID=Asia/Jakarta:" + local(e.End))
		}
	}
	if r := rrule(e); r != "" {
		w.line("RRULE:" + r)
	}
	w.line("SUMMARY:" + escape(e.Title))
	if d := description(e); d != "" {
		w.line("DESCRIPTION:" + escape(d))
	}
	if e.Location != "" {
		w.line("LOCATION:" + escape(e.Location))
	}
	if len(e.Tags) > 0 {
		tags := make([]string, len(e.Tags))
		for i, t := range e.Tags {
			tags[i] = escape(t)
		}
		w.line("CATEGORIES:" + strings.Join(tags, ","))
	}
	w.line("URL:" + e.URL)
	w.line("END:VEVENT")
}

func local(t time.Time) string { return t.In(locale.WIB).Format("20060102T150405") }

// rrule is the event's rule as RFC 5545 writes it. UNTIL is the end of the
// last day: a date for whole-day events, else that day's last second in
// UTC, as the RFC requires when DTSTART has a TZID.
func rrule(e *Event) string {
	r := e.Rule
	if r == nil {
		return ""
	}
	day := [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}[r.Weekday]
	var s string
	switch {
	case r.Weekly:
		s = "FREQ=WEEKLY;BYDAY=" + day
	case r.Day > 0:
		s = fmt.Sprintf("FREQ=MONTHLY;BYMONTHDAY=%d", r.Day)
	default:
		s = fmt.Sprintf("FREQ=MONTHLY;BYDAY=%d%s", r.Nth, day)
	}
	if !r.Until.IsZero() {
		if e.AllDay {
			s += ";UNTIL=" + r.Until.Format("20060102")
		} else {
			s += ";UNTIL=" + r.Until.AddDate(0, 0, 1).Add(-time.Second).UTC().Format("20060102T150405Z")
		}
	}
	return s
}

// description is the event's text: its summary, how it recurs, who holds
// it and whom to ask, and its page.
func description(e *Event) string {
	var parts []string
	if e.Summary != "" {
		parts = append(parts, e.Summary)
	}
	if s := e.Repeats(); s != "" {
		parts = append(parts, s+".")
	}
	if e.Organizer != "" {
		parts = append(parts, "Penyelenggara: "+e.Organizer)
	}
	if e.Contact != "" {
		parts = append(parts, "Kontak (WhatsApp): "+phone.Display(e.Contact))
	}
	parts = append(parts, e.URL)
	return strings.Join(parts, "\n")
}

// escape escapes a TEXT value (RFC 5545 3.3.11). Carriage returns and other
// control characters, which a TEXT value cannot hold, become spaces.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// line writes a content line, folded so that no line is longer than 75
// octets (RFC 5545 3.1) and never inside a UTF-8 character, ending in CRLF.
func (w *icsWriter) line(s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.buf.WriteString(s[:cut])
		w.buf.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space of a continuation line counts
	}
	w.buf.WriteString(s)
	w.buf.WriteString("\r\n")
}
