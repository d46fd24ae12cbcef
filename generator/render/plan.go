package render

import (
	"cmp"
	"slices"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/model"
)

// The planning tracker (perencanaan) shows a site's items grouped by stage,
// in the order an item moves (usulan → diverifikasi → dianggarkan →
// dikerjakan → selesai), with ditolak and ditunda apart, and sums the budget
// per stage and per funding source. The same view serves the section page
// (every year) and each year's page (/perencanaan/2026/).

// pathStages are the stages an item moves through, in order.
var pathStages = model.Stages[:5]

// Plan is the planning overview of a site, for all years or for one.
type Plan struct {
	Year      int // 0: every year
	Years     []int
	Groups    []PlanGroup // path stages in order, then the stages apart; empty ones left out
	ByStage   []Total     // every stage that has items, in stage order
	ByFunding []Total     // items on the path only, by amount, largest first
	Total     Total       // items on the path only: ditolak and ditunda spend nothing
	Apart     Total       // ditolak and ditunda together
	Chart     *Chart      // budget per stage
}

// PlanGroup is the items at one stage.
type PlanGroup struct {
	Stage string
	Apart bool // ditolak or ditunda: off the path
	First bool // the first group apart, which the layout introduces
	Items []PlanRow
	Total int64
}

// PlanRow is one planning item as lists show it.
type PlanRow struct {
	Page     *content.Page
	Front    *model.PerencanaanFront
	Progress int
}

// Total is a sum of budgets and the number of items in it.
type Total struct {
	Name   string // a stage or a funding source
	Amount int64
	Count  int
}

// Funding names items that give no source.
const noFunding = "Belum ditentukan"

// newPlan groups the planning pages of one year, or of every year when
// year is 0. years lists every year that has items, newest first.
func newPlan(pages []*content.Page, year int, years []int) *Plan {
	p := &Plan{Year: year, Years: years}
	byStage := map[string]*PlanGroup{}
	funding := map[string]*Total{}
	for _, pg := range pages {
		f, ok := pg.Front.(*model.PerencanaanFront)
		if !ok || (year != 0 && f.Year != year) {
			continue
		}
		g := byStage[f.Stage]
		if g == nil {
			g = &PlanGroup{Stage: f.Stage, Apart: !slices.Contains(pathStages, f.Stage)}
			byStage[f.Stage] = g
		}
		g.Items = append(g.Items, PlanRow{Page: pg, Front: f, Progress: f.Progress})
		g.Total += f.Budget
		if g.Apart {
			p.Apart.Amount += f.Budget
			p.Apart.Count++
			continue
		}
		name := cmp.Or(f.Funding, noFunding)
		t := funding[name]
		if t == nil {
			t = &Total{Name: name}
			funding[name] = t
		}
		t.Amount += f.Budget
		t.Count++
		p.Total.Amount += f.Budget
		p.Total.Count++
	}
	apart := false
	for _, s := range model.Stages {
		if g := byStage[s]; g != nil {
			g.First, apart = g.Apart && !apart, apart || g.Apart
			p.Groups = append(p.Groups, *g)
			p.ByStage = append(p.ByStage, Total{Name: s, Amount: g.Total, Count: len(g.Items)})
		}
	}
	for _, t := range funding {
		p.ByFunding = append(p.ByFunding, *t)
	}
	slices.SortFunc(p.ByFunding, func(a, b Total) int {
		return cmp.Or(cmp.Compare(b.Amount, a.Amount), cmp.Compare(a.Name, b.Name))
	})
	p.Chart = stageChart(p.ByStage)
	return p
}

// planYears lists the years of the planning pages, newest first.
func planYears(pages []*content.Page) []int {
	var years []int
	for _, pg := range pages {
		if f, ok := pg.Front.(*model.PerencanaanFront); ok && !slices.Contains(years, f.Year) {
			years = append(years, f.Year)
		}
	}
	slices.SortFunc(years, func(a, b int) int { return cmp.Compare(b, a) })
	return years
}

// StageStep is one stage on an item's path, as its single page shows it.
type StageStep struct {
	Stage string
	State string // "done", "current" or "todo"
}

// StagePath returns the stages an item has passed, the one it is at and
// those still ahead. An item that was rejected or postponed left the path
// after it was proposed: the path shows usulan, then where it stopped.
func StagePath(stage string) []StageStep {
	i := slices.Index(pathStages, stage)
	if i < 0 {
		return []StageStep{{Stage: pathStages[0], State: "done"}, {Stage: stage, State: "current"}}
	}
	steps := make([]StageStep, len(pathStages))
	for j, s := range pathStages {
		state := "todo"
		switch {
		case j < i:
			state = "done"
		case j == i:
			state = "current"
		}
		steps[j] = StageStep{Stage: s, State: state}
	}
	return steps
}

// Chart is a horizontal bar chart, drawn as inline SVG at build time. Its
// geometry is computed here so that the layout only writes attributes: the
// pages' Content-Security-Policy allows no inline style attributes.
type Chart struct {
	Width, Height int
	Bars          []Bar
}

// Bar is one bar of a Chart, with its label and value as text.
type Bar struct {
	Name      string // the stage, for the label and the colour class
	Apart     bool   // ditolak or ditunda
	Value     string // the amount in short rupiah
	Y, Length int
	TextY     int
}

// Chart geometry, in SVG user units.
const (
	chartWidth  = 320
	chartLabel  = 100 // room for the stage names on the left
	chartValue  = 80  // room for the amount on the right
	chartBar    = 18
	chartRowGap = 10
)

// stageChart draws the totals as bars scaled to the largest.
func stageChart(totals []Total) *Chart {
	var most int64
	for _, t := range totals {
		most = max(most, t.Amount)
	}
	if most == 0 {
		return nil
	}
	span := chartWidth - chartLabel - chartValue
	c := &Chart{Width: chartWidth, Height: len(totals)*(chartBar+chartRowGap) + chartRowGap}
	for i, t := range totals {
		y := chartRowGap + i*(chartBar+chartRowGap)
		length := int(float64(t.Amount) / float64(most) * float64(span)) // float: no overflow for any budget
		if t.Amount > 0 {
			length = max(length, 2)
		}
		c.Bars = append(c.Bars, Bar{Name: t.Name, Apart: !slices.Contains(pathStages, t.Name), Value: locale.RupiahShort(t.Amount), Y: y, Length: length, TextY: y + chartBar - 5})
	}
	return c
}

// ValueX is where the amount of a bar is written.
func (b Bar) ValueX() int { return chartLabel + b.Length + 4 }

// LabelX is where a bar's stage name ends, just left of the bar.
func (b Bar) LabelX() int { return chartLabel - 6 }

// BarX is where bars start.
func (b Bar) BarX() int { return chartLabel }

// BarHeight is the thickness of a bar.
func (b Bar) BarHeight() int { return chartBar }
