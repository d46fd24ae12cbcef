package render

import (
	"fmt"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/kotamalang/kimsite/generator/agenda"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/model"
)

// The agenda: /<site>/agenda/ lists what is coming, soonest first, each
// recurring event with its next few dates; /<site>/agenda/<year>/ the
// events that are over, by the year they ended; each event's page shows
// its next (or last) date, and beside it an .ics file. The site's home
// shows the coming week, the planning overview the Musrenbang meetings,
// and /<site>/agenda.ics holds every event. Everything splits at
// Renderer.now: the build's clock, never read here.

// Agenda list sizes.
const (
	upcomingPerEvent = 3  // dates of one recurring event on the agenda list
	upcomingMax      = 40 // the agenda list stays one light page; the calendar file has everything
	planMeetings     = 5  // Musrenbang meetings on the planning overview
	weekPerEvent     = 7  // a daily-ish event cannot crowd the week out entirely
	portalAgenda     = 60 // the city's agenda list
)

// MusrenbangTag marks the events that also show on the planning overview.
const MusrenbangTag = "musrenbang"

// AgendaView is what the agenda lists show.
type AgendaView struct {
	Occurrences []agenda.Occurrence
	Past        bool       // a year of past events
	Years       []YearLink // the years with past events
	Feed        string     // the iCalendar feed to subscribe to
}

// now is the instant the site's lists split at: the build's clock, or,
// when the renderer has none (tests of one stage), the newest dated page,
// as the weekly digest has always done.
func (r *Renderer) now(s *content.Site) time.Time {
	if !r.Now.IsZero() {
		return r.Now
	}
	var end time.Time
	for _, sec := range s.Sections {
		for _, p := range sec.Pages {
			if p.Meta.Date.After(end) {
				end = p.Meta.Date.Time
			}
		}
	}
	return end
}

// agendaLists adds the agenda list and a page per year of past events.
func (r *Renderer) agendaLists(s *content.Site, sec *content.Section, events []*agenda.Event, add func(string, string, *View)) {
	now := r.now(s)
	years, byYear := agenda.Past(events, now)
	links := yearLinks(s.Config.Path+sec.Name+"/", years, func(y int) int { return len(byYear[y]) })
	feed := s.Config.Path + agenda.FeedName
	add("agenda", sec.Name+"/", &View{Section: sec, Page: sec.Intro, Title: sec.Title, Years: links,
		Agenda: &AgendaView{Occurrences: agenda.Upcoming(events, now, upcomingPerEvent, upcomingMax), Years: links, Feed: feed}})
	for _, y := range years {
		ys := strconv.Itoa(y)
		add("agenda", sec.Name+"/"+ys+"/", &View{Section: sec, Title: sec.Title + " " + ys, Sub: true, Years: links,
			Description: fmt.Sprintf("Agenda %s yang sudah berlangsung pada tahun %d.", s.Config.Name, y),
			Agenda:      &AgendaView{Occurrences: byYear[y], Past: true, Years: links, Feed: feed}})
	}
}

// eventOf is the occurrence an event's page shows: the next one, or, when
// all are over, the last.
func eventOf(e *agenda.Event, now time.Time) *agenda.Occurrence {
	if o, ok := e.Next(now); ok {
		return &o
	}
	var last agenda.Occurrence
	for o := range e.Occurrences {
		last = o
	}
	return &last
}

// writeCalendars writes each event's .ics and the site's feed.
func (r *Renderer) writeCalendars(s *content.Site, events []*agenda.Event, out Output) error {
	for _, p := range s.Section(model.Agenda).Pages {
		e := agenda.FromPage(s.Config, p)
		if e == nil {
			continue
		}
		name := path.Join(s.Config.ID, p.URL, agenda.ICSName(p))
		if r.Only != nil && !r.Only(name) {
			continue
		}
		if err := out.WriteFile(name, agenda.Calendar(e.Title, []*agenda.Event{e})); err != nil {
			return err
		}
	}
	name := path.Join(s.Config.ID, agenda.FeedName)
	if r.Only != nil && !r.Only(name) {
		return nil
	}
	return out.WriteFile(name, agenda.Calendar("Agenda "+s.Config.Name, events))
}

// RemindText is the text of an event's "remind me on WhatsApp" link: the
// event, when and where, and its page.
func (v *View) RemindText(o *agenda.Occurrence) string {
	lines := []string{"Pengingat: " + o.Title, o.When()}
	if o.Location != "" {
		lines = append(lines, o.Location)
	}
	lines = append(lines, o.URL)
	return "https://wa.me/?text=" + strings.ReplaceAll(url.QueryEscape(strings.Join(lines, "\n")), "+", "%20")
}

// eventItem is an event page's schema.org Event.
func (v *View) eventItem() ld {
	o := v.Event
	if o == nil {
		return nil
	}
	e := ld{"@type": "Event", "name": o.Title, "url": v.Canonical, "startDate": eventTime(o.Start, o.AllDay),
		"eventStatus": "https://schema.org/EventScheduled", "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
		"organizer": v.publisher(), "inLanguage": "id"}
	if !o.Event.End.IsZero() {
		end := o.End
		if o.AllDay {
			end = end.AddDate(0, 0, -1)
		}
		e["endDate"] = eventTime(end, o.AllDay)
	}
	place := ld{"@type": "Place", "name": o.Location, "address": ld{"@type": "PostalAddress",
		"addressLocality": v.Site.Name + ", " + v.City.Name, "addressCountry": "ID"}}
	if o.Location == "" {
		place["name"] = v.Site.Name
	}
	e["location"] = place
	if o.Organizer != "" {
		e["organizer"] = ld{"@type": "Organization", "name": o.Organizer}
	}
	if v.Description != "" {
		e["description"] = v.Description
	}
	if v.Image != "" {
		e["image"] = []string{v.Image}
	}
	return e
}

func eventTime(t time.Time, allDay bool) string {
	if allDay {
		return t.Format("2006-01-02")
	}
	return isoTime(t)
}

// musrenbang lists the coming Musrenbang meetings, for the planning
// overview.
func musrenbang(events []*agenda.Event, now time.Time) []agenda.Occurrence {
	var tagged []*agenda.Event
	for _, e := range events {
		if e.Has(MusrenbangTag) {
			tagged = append(tagged, e)
		}
	}
	return agenda.Upcoming(tagged, now, 1, planMeetings)
}

// EventLine is one occurrence as a list shows it.
type EventLine struct {
	Href, Title, When, ISO, Location, Site string
	Repeats                                string
}

// EventLines prepares occurrences for a list: on the portal, with their
// kelurahan, and linked absolutely when the site has a domain of its own.
func (v *View) EventLines(list []agenda.Occurrence) []EventLine {
	lines := make([]EventLine, len(list))
	for i, o := range list {
		l := EventLine{Href: o.Path, Title: o.Title, When: o.When(), ISO: eventTime(o.Start, o.AllDay), Location: o.Location, Repeats: o.Repeats()}
		if v.Site == nil {
			l.Site = o.SiteName
			if !strings.HasPrefix(o.URL, v.City.BaseURL) {
				l.Href = o.URL
			}
		}
		lines[i] = l
	}
	return lines
}

// MapLink is a map search for an event's place, narrowed to its kelurahan
// and city.
func (v *View) MapLink(o *agenda.Occurrence) string {
	return "https://www.openstreetmap.org/search?query=" + url.QueryEscape(o.Location+", "+o.SiteName+", "+v.City.Name)
}

// ISOStart is an occurrence's start for a <time datetime> attribute.
func (v *View) ISOStart(o *agenda.Occurrence) string { return eventTime(o.Start, o.AllDay) }
