package render

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// coordinates matches a place written as latitude and longitude, as a
// phone's map app copies it: "-7.9826, 112.6308".
var coordinates = regexp.MustCompile(`^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$`)

// MapURL links a place on OpenStreetMap. Coordinates open the map there;
// an address is searched with the kelurahan, kecamatan and city after it,
// since a street name such as "Jl. Kauman Gang 2" exists in many Javanese
// cities.
func (v *View) MapURL(place string) string {
	if m := coordinates.FindStringSubmatch(place); m != nil {
		lat, _ := strconv.ParseFloat(m[1], 64)
		lon, _ := strconv.ParseFloat(m[2], 64)
		if lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 {
			return fmt.Sprintf("https://www.openstreetmap.org/?mlat=%s&mlon=%s#map=18/%s/%s", m[1], m[2], m[1], m[2])
		}
	}
	q := []string{strings.TrimSpace(place)}
	if v.Site != nil {
		lower := strings.ToLower(place)
		kel := strings.TrimSpace(strings.TrimPrefix(v.Site.Name, "Kelurahan "))
		for _, part := range []string{kel, v.Site.Kecamatan, v.City.Name} {
			if part != "" && !strings.Contains(lower, strings.ToLower(part)) {
				q = append(q, part)
			}
		}
	}
	return "https://www.openstreetmap.org/search?query=" + url.QueryEscape(strings.Join(q, ", "))
}
