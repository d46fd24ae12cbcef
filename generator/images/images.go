// Package images turns the photos volunteers upload, usually straight from
// a phone, into what a cheap phone on metered data should download.
//
// It takes a site's image files and gives, for each one a page shows, an
// Image: a few JPEG widths for srcset (Options.Widths, never wider than the
// original), the upright size for width and height attributes, and a
// 1200×630 share image for WhatsApp and other previews. EXIF orientation is
// honoured. A photo is processed the first time a page asks for it, so only
// photos that pages show cost time, on the cores the markdown stage already
// uses; its encoded outputs are kept in a cache folder under a hash of the
// file and the settings, so an unchanged photo is never encoded twice. A
// file that cannot be decoded, or one over MaxPixels, is an *Error that the
// caller reports at the line naming the file.
package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	_ "image/gif" // decoders for the types content accepts
	"image/jpeg"
	_ "image/png"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp"

	"github.com/kotamalang/kimsite/generator/content"
)

// MaxPixels is the largest photo accepted: 40 megapixels, more than any
// phone takes, and about 160 MB once decoded.
const MaxPixels = 40_000_000

// Share image size: what WhatsApp, Facebook and X show best.
const (
	ShareWidth  = 1200
	ShareHeight = 630
)

// DefaultWidths are the widths a photo is published at: a phone, a phone
// with a sharp screen or a tablet, a desktop.
var DefaultWidths = []int{480, 960, 1600}

// version changes whenever the encoded output of the same input changes, so
// that old cache entries are not reused.
const version = "1"

// Options configure a Set.
type Options struct {
	Root     fs.FS  // the repository
	CacheDir string // where encoded outputs are kept; "" keeps them in memory only
	Widths   []int  // ascending; DefaultWidths when nil
	Quality  int    // JPEG quality; 78 when 0
}

// Set holds the images of a build. It is safe for concurrent use.
type Set struct {
	opts  Options
	mu    sync.Mutex
	sites map[string]map[string]*entry // site id → source file → entry
}

type entry struct {
	once sync.Once
	img  *Image
	err  error
}

// Image is one photo, ready for pages.
type Image struct {
	Width, Height int       // of the largest variant, upright
	Variants      []Variant // ascending width
	Share         Variant   // the 1200×630 share image
	files         map[string][]byte
	cached        string // the cache folder of this image's files, when cached
}

// Variant is one published file of an image.
type Variant struct {
	URL           string // relative to the site
	Width, Height int
}

// Error is a photo that cannot be published, in Bahasa Indonesia.
type Error struct{ Msg, Hint string }

func (e *Error) Error() string { return e.Msg }

// New returns an empty Set.
func New(opts Options) *Set {
	if opts.Widths == nil {
		opts.Widths = DefaultWidths
	}
	if opts.Quality == 0 {
		opts.Quality = 78
	}
	return &Set{opts: opts, sites: map[string]map[string]*entry{}}
}

// Get returns the image of a file of the site (src relative to the site
// folder), processing it on first use.
func (s *Set) Get(site *content.Site, src string) (*Image, error) {
	a := site.AssetAt(src)
	if a == nil {
		return nil, &Error{Msg: "berkas tidak ditemukan"}
	}
	s.mu.Lock()
	m := s.sites[site.Config.ID]
	if m == nil {
		m = map[string]*entry{}
		s.sites[site.Config.ID] = m
	}
	e := m[src]
	if e == nil {
		e = &entry{}
		m[src] = e
	}
	s.mu.Unlock()
	e.once.Do(func() { e.img, e.err = s.process(site.Config.ID, a) })
	return e.img, e.err
}

// Output receives published files.
type Output interface {
	WriteFile(name string, data []byte) error
}

// Write publishes every processed image of the site, then forgets them, so
// that memory holds one site's photos at a time. With a nil out it only
// forgets them.
func (s *Set) Write(site *content.Site, out Output) error {
	s.mu.Lock()
	m := s.sites[site.Config.ID]
	delete(s.sites, site.Config.ID)
	s.mu.Unlock()
	if out == nil {
		return nil
	}
	srcs := make([]string, 0, len(m))
	for src, e := range m {
		if e.img != nil {
			srcs = append(srcs, src)
		}
	}
	slices.Sort(srcs)
	for _, src := range srcs {
		img := m[src].img
		for _, v := range append(slices.Clone(img.Variants), img.Share) {
			data, err := img.file(v.URL)
			if err != nil {
				return err
			}
			if err := out.WriteFile(path.Join(site.Config.ID, v.URL), data); err != nil {
				return err
			}
		}
	}
	return nil
}

func (img *Image) file(url string) ([]byte, error) {
	if img.cached == "" {
		return img.files[url], nil
	}
	return os.ReadFile(filepath.Join(img.cached, cacheName(url)))
}

// meta is what the cache keeps beside the encoded files.
type meta struct {
	Variants []Variant
	Share    Variant
}

func (s *Set) process(siteID string, a *content.Asset) (*Image, error) {
	data, err := fs.ReadFile(s.opts.Root, path.Join("content", siteID, a.Src))
	if err != nil {
		return nil, &Error{Msg: "berkas tidak dapat dibaca"}
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s %v %d %s\n", version, s.opts.Widths, s.opts.Quality, a.URL)
	h.Write(data)
	key := hex.EncodeToString(h.Sum(nil))
	if img := s.fromCache(key); img != nil {
		return img, nil
	}
	img, err := s.encode(data, a.URL)
	if err != nil {
		return nil, err
	}
	s.toCache(key, img)
	return img, nil
}

func (s *Set) cacheFolder(key string) string {
	return filepath.Join(s.opts.CacheDir, "images", key[:2], key)
}

// cacheName is the name a published file has in the cache folder.
func cacheName(url string) string { return path.Base(url) }

func (s *Set) fromCache(key string) *Image {
	if s.opts.CacheDir == "" {
		return nil
	}
	dir := s.cacheFolder(key)
	raw, err := os.ReadFile(filepath.Join(dir, "meta.json"))
	if err != nil {
		return nil
	}
	var m meta
	if json.Unmarshal(raw, &m) != nil || len(m.Variants) == 0 {
		return nil
	}
	for _, v := range append(slices.Clone(m.Variants), m.Share) {
		if _, err := os.Stat(filepath.Join(dir, cacheName(v.URL))); err != nil {
			return nil
		}
	}
	return newImage(m, nil, dir)
}

// toCache stores the image's files; a failure only costs the next build
// time, so it is not an error.
func (s *Set) toCache(key string, img *Image) {
	if s.opts.CacheDir == "" {
		return
	}
	dir := s.cacheFolder(key)
	tmp := dir + ".tmp" + fmt.Sprint(os.Getpid())
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return
	}
	defer os.RemoveAll(tmp)
	for url, data := range img.files {
		if os.WriteFile(filepath.Join(tmp, cacheName(url)), data, 0o644) != nil {
			return
		}
	}
	raw, _ := json.Marshal(meta{Variants: img.Variants, Share: img.Share})
	if os.WriteFile(filepath.Join(tmp, "meta.json"), raw, 0o644) != nil {
		return
	}
	_ = os.Rename(tmp, dir)
}

func newImage(m meta, files map[string][]byte, cached string) *Image {
	last := m.Variants[len(m.Variants)-1]
	return &Image{Width: last.Width, Height: last.Height, Variants: m.Variants, Share: m.Share, files: files, cached: cached}
}

// encode decodes a photo and encodes its variants.
func (s *Set) encode(data []byte, url string) (*Image, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, &Error{Msg: "gambar rusak atau formatnya tidak dikenali", Hint: "Buka fotonya di ponsel atau komputer; bila terbuka, simpan ulang sebagai JPEG (.jpg) lalu unggah lagi."}
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > MaxPixels {
		return nil, &Error{
			Msg:  fmt.Sprintf("gambar terlalu besar: %d×%d piksel (%.0f megapiksel; paling besar %d megapiksel)", cfg.Width, cfg.Height, float64(px)/1e6, MaxPixels/1_000_000),
			Hint: "Perkecil fotonya dulu, mis. menjadi 4000 piksel lebarnya; halaman tetap memuat versi kecil.",
		}
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, &Error{Msg: "gambar rusak: berkasnya terpotong atau tidak utuh", Hint: "Unggah ulang foto aslinya; bila masih gagal, simpan ulang sebagai JPEG (.jpg)."}
	}
	o := 1
	if format == "jpeg" {
		o = orientation(data)
	}
	w, h := cfg.Width, cfg.Height
	if swapsSides(o) {
		w, h = h, w
	}
	base := strings.TrimSuffix(url, path.Ext(url))
	m := meta{}
	files := map[string][]byte{}
	add := func(img image.Image, name string) (Variant, error) {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: s.opts.Quality}); err != nil {
			return Variant{}, err
		}
		v := Variant{URL: base + "-" + name + ".jpg", Width: img.Bounds().Dx(), Height: img.Bounds().Dy()}
		files[v.URL] = buf.Bytes()
		return v, nil
	}
	// Scale the largest width from the original, each smaller one from the
	// one above it: as sharp, and much faster for a 12-megapixel photo.
	widths := variantWidths(w, s.opts.Widths)
	var prev *image.RGBA
	for i := len(widths) - 1; i >= 0; i-- {
		vw := widths[i]
		vh := max(1, (h*vw+w/2)/w)
		var scaled *image.RGBA
		if prev == nil {
			sw, sh := vw, vh
			if swapsSides(o) {
				sw, sh = vh, vw
			}
			scaled = orient(scale(src, sw, sh), o)
		} else {
			scaled = scale(prev, vw, vh)
		}
		v, err := add(scaled, fmt.Sprint(vw))
		if err != nil {
			return nil, err
		}
		m.Variants = append([]Variant{v}, m.Variants...)
		if prev == nil {
			if m.Share, err = add(cover(scaled, ShareWidth, ShareHeight), "share"); err != nil {
				return nil, err
			}
		}
		prev = scaled
	}
	return newImage(m, files, ""), nil
}

// variantWidths are the widths to publish a photo w pixels wide at: each
// configured width below w, and w itself when it is below the largest.
func variantWidths(w int, widths []int) []int {
	var out []int
	for _, vw := range widths {
		if vw < w {
			out = append(out, vw)
		}
	}
	if len(out) < len(widths) {
		out = append(out, w)
	}
	return out
}

func scale(src image.Image, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	return dst
}

// cover scales and crops img to fill w×h, keeping the middle.
func cover(img *image.RGBA, w, h int) *image.RGBA {
	b := img.Bounds()
	crop := b
	if b.Dx()*h > b.Dy()*w { // wider than w:h: cut the sides
		cw := b.Dy() * w / h
		crop.Min.X += (b.Dx() - cw) / 2
		crop.Max.X = crop.Min.X + cw
	} else {
		ch := b.Dx() * h / w
		crop.Min.Y += (b.Dy() - ch) / 2
		crop.Max.Y = crop.Min.Y + ch
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, crop, draw.Src, nil)
	return dst
}
