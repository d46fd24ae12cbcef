package render

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
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

func planRecords(s *content.Site) []PlanRecord {
	recs := []PlanRecord{}
	for _, p := range s.Section(model.Perencanaan).Pages {
		f, _ := p.Front.(*model.PerencanaanFront)
		if f == nil {
			continue
		}
		recs = append(recs, PlanRecord{Site: s.Config.ID, Kelurahan: s.Config.Name, Kecamatan: s.Config.Kecamatan,
			Title: p.Meta.Title, Year: f.Year, Stage: f.Stage, Budget: f.Budget, Funding: f.Funding,
			Location: f.Location, RW: f.RW, Progress: f.Progress, Date: isoDate(p.Meta.Date.Time),
			URL: s.Config.URL(p.URL), Documents: docs(s, p)})
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

// writeOpenData writes a site's perencanaan.csv, perencanaan.json and
// umkm.json into dir.
func writeOpenData(out Output, dir string, plans []PlanRecord, businesses []BusinessRecord) error {
	var files [3]bytes.Buffer
	enc := newOpenData(&files[0], &files[1], &files[2])
	if err := enc.add(plans, businesses); err != nil {
		return err
	}
	if err := enc.close(); err != nil {
		return err
	}
	for i, name := range openDataFiles {
		if err := out.WriteFile(path.Join(dir, name), files[i].Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// openDataFiles are the names of the open-data files, in the order
// newOpenData takes their writers.
var openDataFiles = [3]string{"perencanaan.csv", "perencanaan.json", "umkm.json"}

// openData encodes records into the three open-data files as they come, so
// that a file can be written a site at a time. The JSON files are what
// json.MarshalIndent(records, "", " ") gives for all records at once.
type openData struct {
	csv               *csv.Writer
	plans, businesses io.Writer
	nPlans, nBusiness int
}

func newOpenData(csvFile, plans, businesses io.Writer) *openData {
	o := &openData{csv: csv.NewWriter(csvFile), plans: plans, businesses: businesses}
	o.csv.Write(PlanColumns)
	return o
}

// add encodes the next records.
func (o *openData) add(plans []PlanRecord, businesses []BusinessRecord) error {
	for _, p := range plans {
		o.csv.Write(p.row())
		if err := jsonElement(o.plans, o.nPlans, p); err != nil {
			return err
		}
		o.nPlans++
	}
	for _, b := range businesses {
		if err := jsonElement(o.businesses, o.nBusiness, b); err != nil {
			return err
		}
		o.nBusiness++
	}
	o.csv.Flush()
	return o.csv.Error()
}

// close ends the JSON arrays.
func (o *openData) close() error {
	for _, f := range []struct {
		w io.Writer
		n int
	}{{o.plans, o.nPlans}, {o.businesses, o.nBusiness}} {
		end := "\n]\n"
		if f.n == 0 {
			end = "[]\n"
		}
		if _, err := io.WriteString(f.w, end); err != nil {
			return err
		}
	}
	return nil
}

// jsonElement writes the i-th element of an indented JSON array.
func jsonElement(w io.Writer, i int, v any) error {
	data, err := json.MarshalIndent(v, " ", " ")
	if err != nil {
		return err
	}
	sep := ",\n "
	if i == 0 {
		sep = "[\n "
	}
	if _, err := io.WriteString(w, sep); err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// CityData gathers the city's open data site by site into temporary
// storage, so that a build never holds every record of the city: the
// portal's perencanaan.csv, perencanaan.json and umkm.json are each site's
// records in the order they were added. Close drops the storage.
type CityData struct {
	files [3]Temp
	bufs  [3]*bufio.Writer
	enc   *openData
}

// Temp is temporary storage that render writes to and reads back; package
// output makes it (output.NewTemp), as render itself writes only to an
// Output.
type Temp interface {
	io.ReadWriteSeeker
	io.Closer
}

// NewCityData returns an empty CityData that keeps its files in storage
// made by temp.
func NewCityData(temp func() (Temp, error)) (*CityData, error) {
	c := &CityData{}
	for i := range c.files {
		f, err := temp()
		if err != nil {
			c.Close()
			return nil, err
		}
		c.files[i], c.bufs[i] = f, bufio.NewWriter(f)
	}
	c.enc = newOpenData(c.bufs[0], c.bufs[1], c.bufs[2])
	return c, nil
}

// Add appends a site's records and drops them from its digest, so that
// the digest the portal keeps is small.
func (c *CityData) Add(d *Digest) error {
	err := c.enc.add(d.Plans, d.Businesses)
	d.Plans, d.Businesses = nil, nil
	return err
}

// write ends the files and writes them to out.
func (c *CityData) write(out Output) error {
	if err := c.enc.close(); err != nil {
		return err
	}
	for i, name := range openDataFiles {
		if err := c.bufs[i].Flush(); err != nil {
			return err
		}
		if _, err := c.files[i].Seek(0, io.SeekStart); err != nil {
			return err
		}
		if err := writeFrom(out, name, c.files[i]); err != nil {
			return err
		}
	}
	return nil
}

// Close drops the temporary storage.
func (c *CityData) Close() error {
	var errs []error
	for _, f := range c.files {
		if f != nil {
			errs = append(errs, f.Close())
		}
	}
	return errors.Join(errs...)
}
