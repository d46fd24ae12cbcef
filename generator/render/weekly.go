package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/kotamalang/kimsite/generator/agenda"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/model"
)

// The weekly digest, /<site>/kabar-pekan-ini.txt, is plain text a KIM
// member pastes into the RW's WhatsApp group: the last seven days' news,
// clarifications and planning changes, each with its link, then the
// events of the coming seven days.
//
// "The last seven days" end at Options.Now, the build's clock, when it is
// set, and otherwise at the date of the site's newest dated page; the
// coming week starts there too. The renderer never reads the clock: the
// same content and the same Now give the same file.

// WeeklyName is the digest's file name at the site's root.
const WeeklyName = "kabar-pekan-ini.txt"

// weekly writes the digest text for s.
func weekly(s *content.Site, today time.Time, events []*agenda.Event) string {
	sections := []string{model.Berita, model.CekFakta, model.Perencanaan}
	end := today
	if end.IsZero() {
		for _, name := range sections {
			if pages := s.Section(name).Pages; len(pages) > 0 && pages[0].Meta.Date.After(end) {
				end = pages[0].Meta.Date.Time
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "*Kabar pekan ini dari %s*\n", s.Config.Name)
	if end.IsZero() {
		fmt.Fprintf(&b, "\nBelum ada kabar.\n\n%s\n", s.Config.BaseURL)
		return b.String()
	}
	// The window is the seven calendar days in WIB ending with end's day.
	endDay := time.Date(end.In(locale.WIB).Year(), end.In(locale.WIB).Month(), end.In(locale.WIB).Day(), 0, 0, 0, 0, locale.WIB)
	start, stop := endDay.AddDate(0, 0, -6), endDay.AddDate(0, 0, 1)
	fmt.Fprintf(&b, "%s – %s\n", locale.ShortDate(start), locale.ShortDate(endDay))
	titles := map[string]string{model.Berita: "BERITA", model.CekFakta: "CEK FAKTA", model.Perencanaan: "PERENCANAAN"}
	any := false
	for _, name := range sections {
		var lines []string
		for _, p := range s.Section(name).Pages {
			d := p.Meta.Date.Time
			if d.Before(start) || !d.Before(stop) {
				continue
			}
			lines = append(lines, fmt.Sprintf("- %s\n  %s", weeklyTitle(p), s.Config.URL(p.URL)))
		}
		if len(lines) > 0 {
			any = true
			fmt.Fprintf(&b, "\n*%s*\n%s\n", titles[name], strings.Join(lines, "\n"))
		}
	}
	if !any {
		b.WriteString("\nTidak ada kabar baru pekan ini.\n")
	}
	if coming := agenda.Between(events, end, stop.AddDate(0, 0, 7)); len(coming) > 0 {
		b.WriteString("\n*AGENDA 7 HARI KE DEPAN*\n")
		for _, o := range coming {
			fmt.Fprintf(&b, "- %s\n  %s", o.Title, o.When())
			if o.Location != "" {
				fmt.Fprintf(&b, ", %s", o.Location)
			}
			fmt.Fprintf(&b, "\n  %s\n", o.URL)
		}
	}
	fmt.Fprintf(&b, "\nSelengkapnya: %s\n", s.Config.BaseURL)
	return b.String()
}

// weeklyTitle is a page's line in the digest: the verdict of a
// clarification, the stage and progress of a planning item.
func weeklyTitle(p *content.Page) string {
	switch f := p.Front.(type) {
	case *model.CekFaktaFront:
		return "[" + strings.ToUpper(f.Verdict) + "] " + p.Meta.Title
	case *model.PerencanaanFront:
		return fmt.Sprintf("%s (%s, %d%%)", p.Meta.Title, stageName(f.Stage), f.Progress)
	}
	return p.Meta.Title
}

// stageName is a stage as a word in text outside the theme.
func stageName(stage string) string {
	if stage == "" {
		return ""
	}
	return strings.ToUpper(stage[:1]) + stage[1:]
}
