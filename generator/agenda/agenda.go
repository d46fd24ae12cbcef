// Package agenda turns a kelurahan's events into dates and calendars.
//
// It takes the pages of the agenda section (content.Page values whose front
// matter is a model.AgendaFront) and gives Events: plain values that the
// site's pages, the city portal (through the site's digest) and the
// iCalendar files (ics.go) are all made from. An Event expands into
// Occurrences, each recurring event into the dates its rule gives, and the
// lists split them at one instant, "now", which the caller passes in: the
// package never reads the clock, so the same content and the same now give
// the same output.
package agenda

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/phone"
)

// Event is one agenda page, as every list and calendar needs it.
type Event struct {
	UID      string // stable across builds: the page's address
	Title    string
	Summary  string
	Path     string // the page's URL path, e.g. "/kauman/agenda/posyandu/"
	URL      string // the page's absolute URL
	ICS      string // the event's own .ics, a URL path
	SiteID   string
	SiteName string

	Location, RW, Organizer string
	Contact                 string // WhatsApp number, as wa.me wants it ("62812…"); "" when none
	Tags                    []string

	Start, End time.Time   // the first occurrence; End is zero when not given
	AllDay     bool        // whole days: Start is midnight and End (if set) the last day's midnight
	Rule       *model.Rule // nil for a one-off event
	Stamp      time.Time   // DTSTAMP: the page's date, else its start, so builds repeat
}

// Occurrence is one time an event happens.
type Occurrence struct {
	*Event
	Start time.Time
	End   time.Time // the moment it is over: never zero (see Event.Over)
}

// ICSName is the file name of an event's own calendar file, beside its page.
func ICSName(p *content.Page) string { return p.Slug + ".ics" }

// FeedName is the name of the iCalendar feed of a site, and of the city,
// at their roots.
const FeedName = "agenda.ics"

// Events reads the agenda pages of a site, in the section's order.
func Events(s *content.Site) []*Event {
	var events []*Event
	for _, p := range s.Section(model.Agenda).Pages {
		if e := FromPage(s.Config, p); e != nil {
			events = append(events, e)
		}
	}
	return events
}

// FromPage is the event of one agenda page; nil when p is not one.
func FromPage(site *config.Site, p *content.Page) *Event {
	f, ok := p.Front.(*model.AgendaFront)
	if !ok || f.Start.IsZero() {
		return nil
	}
	e := &Event{
		UID:   strings.TrimSuffix(site.URL(p.URL), "/"),
		Title: p.Meta.Title, Summary: cmp.Or(p.Meta.Summary, p.Excerpt),
		Path: site.Path + p.URL, URL: site.URL(p.URL), ICS: site.Path + p.URL + ICSName(p),
		SiteID: site.ID, SiteName: site.Name,
		Location: f.Location, RW: f.RW, Organizer: f.Organizer,
		Start: f.Start.In(locale.WIB), AllDay: f.Start.DateOnly,
		Stamp: cmp.Or(p.Meta.Date.Time, f.Start.Time).UTC(),
	}
	if !f.End.IsZero() {
		e.End = f.End.In(locale.WIB)
	}
	if n, ok := phone.WhatsApp(f.Contact); ok {
		e.Contact = n
	}
	for _, t := range p.Tags {
		e.Tags = append(e.Tags, t.Name)
	}
	if f.Repeat != nil {
		rule, issues := f.Repeat.Rule(f.Start)
		if len(issues) == 0 { // content reported them; a broken rule never reaches here in a build
			e.Rule = &rule
		}
	}
	return e
}

// Has reports whether the event carries a tag (by its slug-insensitive name).
func (e *Event) Has(tag string) bool {
	return slices.ContainsFunc(e.Tags, func(t string) bool { return strings.EqualFold(t, tag) })
}

// Over is the moment an occurrence that starts at start is over: its end;
// without an end, the end of its day (WIB); for whole days, the end of the
// last day.
func (e *Event) Over(start time.Time) time.Time {
	s := start.In(locale.WIB)
	if e.End.IsZero() {
		return time.Date(s.Year(), s.Month(), s.Day()+1, 0, 0, 0, 0, locale.WIB)
	}
	d := e.End.Sub(e.Start)
	if e.AllDay {
		d += 24 * time.Hour
	}
	return s.Add(d)
}

// Occurrences gives the event's occurrences in order, every date of a
// recurring one up to its until (bounded by model.MaxOccurrences).
func (e *Event) Occurrences(yield func(Occurrence) bool) {
	if e.Rule == nil {
		yield(Occurrence{Event: e, Start: e.Start, End: e.Over(e.Start)})
		return
	}
	for s := range e.Rule.Starts(e.Start) {
		if !yield(Occurrence{Event: e, Start: s, End: e.Over(s)}) {
			return
		}
	}
}

// LastEnd is when the event's last occurrence is over, and false when a
// recurring event goes on without end.
func (e *Event) LastEnd() (time.Time, bool) {
	if e.Rule != nil && e.Rule.Until.IsZero() {
		return time.Time{}, false
	}
	var last time.Time
	for o := range e.Occurrences {
		last = o.End
	}
	return last, true
}

// Next is the event's first occurrence not over at now.
func (e *Event) Next(now time.Time) (Occurrence, bool) {
	for o := range e.Occurrences {
		if o.End.After(now) {
			return o, true
		}
	}
	return Occurrence{}, false
}

// Upcoming lists the occurrences not over at now, soonest first, with at
// most perEvent of each recurring event (so a weekly ronda does not crowd
// the list) and at most limit in all (0: no limit).
func Upcoming(events []*Event, now time.Time, perEvent, limit int) []Occurrence {
	var out []Occurrence
	for _, e := range events {
		n := 0
		for o := range e.Occurrences {
			if !o.End.After(now) {
				continue
			}
			if n++; n > perEvent {
				break
			}
			out = append(out, o)
		}
	}
	sortOccurrences(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Between lists every occurrence that starts in [from, to), or began before
// from and is not yet over at from, soonest first.
func Between(events []*Event, from, to time.Time) []Occurrence {
	var out []Occurrence
	for _, e := range events {
		for o := range e.Occurrences {
			if !o.Start.Before(to) {
				break
			}
			if o.End.After(from) {
				out = append(out, o)
			}
		}
	}
	sortOccurrences(out)
	return out
}

func sortOccurrences(out []Occurrence) {
	slices.SortFunc(out, func(a, b Occurrence) int {
		return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.Path, b.Path))
	})
}

// Past groups the events that are wholly over at now by the year (WIB) of
// their last occurrence, newest first within a year; years newest first.
func Past(events []*Event, now time.Time) (years []int, byYear map[int][]Occurrence) {
	byYear = map[int][]Occurrence{}
	for _, e := range events {
		end, ok := e.LastEnd()
		if !ok || end.After(now) {
			continue
		}
		var last Occurrence
		for o := range e.Occurrences {
			last = o
		}
		y := last.Start.In(locale.WIB).Year()
		if _, seen := byYear[y]; !seen {
			years = append(years, y)
		}
		byYear[y] = append(byYear[y], last)
	}
	for _, list := range byYear {
		slices.SortFunc(list, func(a, b Occurrence) int {
			return cmp.Or(b.Start.Compare(a.Start), cmp.Compare(a.Path, b.Path))
		})
	}
	slices.SortFunc(years, func(a, b int) int { return cmp.Compare(b, a) })
	return years, byYear
}

// Week is the seven days from now's day (WIB): what "this week" lists.
func Week(now time.Time) (from, to time.Time) {
	n := now.In(locale.WIB)
	day := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, locale.WIB)
	return now, day.AddDate(0, 0, 7)
}

// When says when an occurrence happens, in Indonesian: "Selasa, 8 Desember
// 2026, 08.00–11.00 WIB".
func (o Occurrence) When() string {
	switch {
	case o.AllDay:
		return locale.Span(o.Start, o.End.Add(-24*time.Hour), true)
	case o.Event.End.IsZero():
		return locale.Span(o.Start, time.Time{}, false)
	}
	return locale.Span(o.Start, o.End, false)
}

// Repeats says how a recurring event recurs, capitalised for display:
// "Setiap selasa kedua, sampai 30 Juni 2027"; "" for a one-off event.
func (e *Event) Repeats() string {
	if e.Rule == nil {
		return ""
	}
	s := e.Rule.Describe()
	s = strings.ToUpper(s[:1]) + s[1:]
	if !e.Rule.Until.IsZero() {
		s += ", sampai " + strings.SplitN(locale.Date(e.Rule.Until), ", ", 2)[1]
	}
	return s
}
