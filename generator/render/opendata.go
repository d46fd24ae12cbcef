package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path"
	"strconv"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/phone"
)

// Open data: every site publishes perencanaan.csv, perencanaan.json and
// umkm.json at its root, and the portal publishes the same files for the
// whole city. The CSV has one header row, PlanColumns; the JSON files are
// arrays of the records below. Field names are the front matter's keys.

// PlanColumns is the header row of perencanaan.csv.
var PlanColumns = []string{"site", "kelurahan", "kecamatan", "title", "year", "stage", "budget", "funding", "location", "rw", "progress", "date", "url"}

// PlanRecord is one planning item in the open data.
type PlanRecord struct {
	Site      string    `json:"site"`
	Kelurahan string    `json:"kelurahan"`
	Kecamatan string    `json:"kecamatan"`
	Title     string    `json:"title"`
	Year      int       `json:"year"`
	Stage     string    `json:"stage"`
	Budget    int64     `json:"budget"`
	Funding   string    `json:"funding"`
	Location  string    `json:"location"`
	RW        string    `json:"rw"`
	Progress  int       `json:"progress"`
	Date      string    `json:"date"`
	URL       string    `json:"url"`
	Documents []DocInfo `json:"documents"`
}

func (p PlanRecord) row() []string {
	return []string{p.Site, p.Kelurahan, p.Kecamatan, p.Title, strconv.Itoa(p.Year), p.Stage,
		strconv.FormatInt(p.Budget, 10), p.Funding, p.Location, p.RW, strconv.Itoa(p.Progress), p.Date, p.URL}
}

// BusinessRecord is one UMKM in the open data.
type BusinessRecord struct {
	Site      string            `json:"site"`
	Kelurahan string            `json:"kelurahan"`
	Kecamatan string            `json:"kecamatan"`
	Name      string            `json:"name"`
	Owner     string            `json:"owner"`
	Category  string            `json:"category"`
	WhatsApp  string            `json:"whatsapp"` // international digits, as wa.me takes them
	Address   string            `json:"address"`
	Hours     string            `json:"hours"`
	URL       string            `json:"url"`
	Products  []ProductRecord   `json:"products"`
	Links     map[string]string `json:"links"`
}

// ProductRecord is a product of a UMKM in the open data.
type ProductRecord struct {
	Name  string `json:"name"`
	Price int64  `json:"price"` // rupiah; 0 when not given
	Image string `json:"image,omitempty"`
}

func planRecords(s *content.Site, sums map[string]string) []PlanRecord {
	recs := []PlanRecord{}
	for _, p := range s.Section(model.Perencanaan).Pages {
		f, _ := p.Front.(*model.PerencanaanFront)
		if f == nil {
			continue
		}
		recs = append(recs, PlanRecord{Site: s.Config.ID, Kelurahan: s.Config.Name, Kecamatan: s.Config.Kecamatan,
			Title: p.Meta.Title, Year: f.Year, Stage: f.Stage, Budget: f.Budget, Funding: f.Funding,
			Location: f.Location, RW: f.RW, Progress: f.Progress, Date: isoDate(p.Meta.Date.Time),
			URL: s.Config.URL(p.URL), Documents: docs(s, p, sums)})
	}
	return recs
}

func businessRecords(s *content.Site) []BusinessRecord {
	recs := []BusinessRecord{}
	for _, p := range s.Section(model.UMKM).Pages {
		f, _ := p.Front.(*model.UMKMFront)
		if f == nil {
			continue
		}
		wa, _ := phone.WhatsApp(f.WhatsApp)
		b := BusinessRecord{Site: s.Config.ID, Kelurahan: s.Config.Name, Kecamatan: s.Config.Kecamatan,
			Name: p.Meta.Title, Owner: f.Owner, Category: f.Category, WhatsApp: wa, Address: f.Address,
			Hours: f.Hours, URL: s.Config.URL(p.URL), Products: []ProductRecord{}, Links: f.Links}
		if b.Links == nil {
			b.Links = map[string]string{}
		}
		for _, pr := range f.Products {
			rec := ProductRecord{Name: pr.Name, Price: pr.Price}
			if u := p.FileURL(pr.Image); u != "" {
				rec.Image = s.Config.URL(u)
			}
			b.Products = append(b.Products, rec)
		}
		recs = append(recs, b)
	}
	return recs
}

// writeOpenData writes perencanaan.csv, perencanaan.json and umkm.json
// into dir ("" for the portal).
func writeOpenData(out Output, dir string, plans []PlanRecord, businesses []BusinessRecord) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(PlanColumns)
	for _, p := range plans {
		w.Write(p.row())
	}
	if w.Flush(); w.Error() != nil {
		return w.Error()
	}
	if err := out.WriteFile(path.Join(dir, "perencanaan.csv"), buf.Bytes()); err != nil {
		return err
	}
	if plans == nil {
		plans = []PlanRecord{}
	}
	if businesses == nil {
		businesses = []BusinessRecord{}
	}
	for name, v := range map[string]any{"perencanaan.json": plans, "umkm.json": businesses} {
		data, err := json.MarshalIndent(v, "", " ")
		if err != nil {
			return err
		}
		if err := out.WriteFile(path.Join(dir, name), append(data, '\n')); err != nil {
			return err
		}
	}
	return nil
}
