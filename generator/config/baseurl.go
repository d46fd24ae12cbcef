package config

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/frontmatter"
	"github.com/kotamalang/kimsite/generator/safeurl"
)

// CheckBaseURL checks an address a site is served under: an absolute http
// or https URL with a host and nothing a URL of every page could not carry
// (no query, no fragment). It returns the address with a trailing "/".
func CheckBaseURL(s string) (string, error) {
	if scheme, _, _ := strings.Cut(s, ":"); s != "" && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "http") {
		return "", errors.New("alamat situs harus diawali https:// (atau http://)")
	}
	if err := safeurl.CheckAbsolute(s); err != nil {
		return "", err
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", safeurl.ErrInvalid
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", errors.New("alamat situs harus diawali https:// (atau http://)")
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.ContainsAny(s, "?#"):
		return "", errors.New("alamat situs tidak boleh berisi ? atau #")
	case strings.Contains(u.Path, "//") || strings.Contains("/"+u.Path+"/", "/../") || strings.Contains("/"+u.Path+"/", "/./"):
		return "", errors.New("alamat situs berisi jalur yang tidak wajar (//, . atau ..)")
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}

// checkBases reports a base_url of the city or of a site that is a valid
// link (the decoder let it through) but cannot be a site's address.
func checkBases(city *City, pos frontmatter.Positions, problems *diag.List) {
	if city.BaseURL != "" {
		if _, err := CheckBaseURL(city.BaseURL); err != nil {
			problems.Add(File, pos.Line("base_url"), fmt.Sprintf("base_url %q: %v", city.BaseURL, err), "Tulis alamat portal saja, mis. https://kim.malangkota.go.id/.")
			city.BaseURL = ""
		}
	}
	for i, s := range city.Sites {
		if s == nil || s.BaseURL == "" {
			continue
		}
		// On the portal's own host, checkSiteBase has the word.
		if su, pu := hostOf(s.BaseURL), hostOf(city.BaseURL); su != "" && strings.EqualFold(su, pu) {
			continue
		}
		if _, err := CheckBaseURL(s.BaseURL); err != nil {
			problems.Add(File, pos.Line(fmt.Sprintf("sites.%d.base_url", i)), fmt.Sprintf("base_url %q: %v", s.BaseURL, err), "Tulis alamat domain situs saja, mis. https://kauman.example.id/.")
			s.BaseURL = ""
		}
	}
}

// siteURLArg reads one --site-base-url value, ID=URL.
var siteURLArg = regexp.MustCompile(`^([^=]+)=(.+)$`)

// Overrides are the addresses given on the command line in place of
// sites.yaml's: a fork or a GitHub Pages project site is served somewhere
// else than the city's own domain.
type Overrides struct {
	Portal string            // the portal's base_url; "" keeps sites.yaml's
	Sites  map[string]string // a site's base_url by id
}

// Set reads one "ID=URL" (kimsite build --site-base-url).
func (o *Overrides) Set(v string) error {
	m := siteURLArg.FindStringSubmatch(strings.TrimSpace(v))
	if m == nil {
		return fmt.Errorf("--site-base-url %q harus berbentuk ID=ALAMAT, mis. kauman=https://kauman.example.id/", v)
	}
	id, u := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	base, err := CheckBaseURL(u)
	if err != nil {
		return fmt.Errorf("--site-base-url %s: alamat %q ditolak: %v", id, u, err)
	}
	if o.Sites == nil {
		o.Sites = map[string]string{}
	}
	if _, dup := o.Sites[id]; dup {
		return fmt.Errorf("--site-base-url untuk %q ditulis dua kali", id)
	}
	o.Sites[id] = base
	return nil
}

// SetPortal reads --base-url.
func (o *Overrides) SetPortal(v string) error {
	base, err := CheckBaseURL(strings.TrimSpace(v))
	if err != nil {
		return fmt.Errorf("--base-url: alamat %q ditolak: %v", v, err)
	}
	o.Portal = base
	return nil
}

// Empty reports whether nothing is overridden.
func (o Overrides) Empty() bool { return o.Portal == "" && len(o.Sites) == 0 }

// String is a stable description, for the build cache's key.
func (o Overrides) String() string {
	ids := make([]string, 0, len(o.Sites))
	for id := range o.Sites {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	b.WriteString(o.Portal)
	for _, id := range ids {
		fmt.Fprintf(&b, "\x00%s=%s", id, o.Sites[id])
	}
	return b.String()
}

// Apply puts the overrides in place: the portal moves, every site without
// an address of its own moves with it, and a site named in Sites gets that
// address. A site id that sites.yaml does not have is an error.
func (c *City) Apply(o Overrides) error {
	for id := range o.Sites {
		if c.Site(id) == nil {
			return fmt.Errorf("--site-base-url: kelurahan %q tidak ada di sites.yaml", id)
		}
	}
	if o.Portal != "" {
		c.BaseURL, c.Path = normalizeBase(o.Portal)
	}
	for _, s := range c.Sites {
		if s == nil || s.ID == "" {
			continue
		}
		switch u, ok := o.Sites[s.ID]; {
		case ok:
			s.BaseURL, s.Path = normalizeBase(u)
			s.ownBase = true
		case !s.ownBase && c.BaseURL != "":
			s.BaseURL, s.Path = c.BaseURL+s.ID+"/", c.Path+s.ID+"/"
		}
	}
	return nil
}

func hostOf(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return u.Host
}
