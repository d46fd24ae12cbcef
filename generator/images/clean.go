package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kotamalang/kimsite/generator/content"
)

// A phone photo carries, besides the picture, where it was taken (EXIF
// GPS: often a resident's home), when, and the phone's serial numbers; a
// PNG or WebP can carry the same in text, EXIF and XMP chunks. None of it
// is published. A photo file published as it is (a linked original, a
// photo in static/) is cleaned first:
//
//   - JPEG is decoded, turned upright as its EXIF orientation says, and
//     encoded again: the new file has no metadata at all;
//   - PNG keeps only the chunks that draw the picture (an allow-list);
//   - WebP keeps only its image chunks, without EXIF and XMP.
//
// A file that cannot be cleaned is an *Error: it is not published.

// fullQuality is the JPEG quality of a re-encoded original: near the
// phone's own, as a reader who opens the original expects it sharp.
const fullQuality = 90

// Cleanable reports whether a file is a photo that Clean handles: JPEG,
// PNG or WebP, by its extension.
func Cleanable(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".webp":
		return true
	}
	return false
}

// Clean returns the asset's file without its metadata (see above), from
// the cache when the same file was cleaned before.
func (s *Set) Clean(siteID string, a *content.Asset) ([]byte, error) {
	data, err := fs.ReadFile(s.opts.Root, path.Join("content", siteID, a.Src))
	if err != nil {
		return nil, &Error{Msg: "berkas tidak dapat dibaca"}
	}
	h := sha256.New()
	fmt.Fprintf(h, "clean %s %s\n", version, strings.ToLower(path.Ext(a.Src)))
	h.Write(data)
	key := hex.EncodeToString(h.Sum(nil))
	file := ""
	if s.opts.CacheDir != "" {
		file = filepath.Join(s.opts.CacheDir, "images", "clean", key[:2], key)
		if out, err := os.ReadFile(file); err == nil {
			return out, nil
		}
	}
	out, err := Clean(data, a.Src)
	if err != nil {
		return nil, err
	}
	if file != "" { // a cache that cannot be written only costs time
		if os.MkdirAll(filepath.Dir(file), 0o755) == nil {
			tmp := file + ".tmp" + fmt.Sprint(os.Getpid())
			if os.WriteFile(tmp, out, 0o644) == nil {
				_ = os.Rename(tmp, file)
			}
		}
	}
	return out, nil
}

// Clean returns a photo (named name, for its type) without its metadata.
func Clean(data []byte, name string) ([]byte, error) {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg":
		return cleanJPEG(data)
	case ".png":
		return cleanPNG(data)
	case ".webp":
		return cleanWebP(data)
	}
	return nil, fmt.Errorf("images: %s is not a photo kimsite cleans", name)
}

var errBroken = &Error{Msg: "gambar rusak atau formatnya tidak sesuai dengan ekstensinya", Hint: "Buka fotonya di ponsel atau komputer; bila terbuka, simpan ulang sebagai JPEG (.jpg) lalu unggah lagi."}

func cleanJPEG(data []byte) ([]byte, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, errBroken
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > MaxPixels {
		return nil, &Error{
			Msg:  fmt.Sprintf("gambar terlalu besar: %d×%d piksel (paling besar %d megapiksel)", cfg.Width, cfg.Height, MaxPixels/1_000_000),
			Hint: "Perkecil fotonya dulu, mis. menjadi 4000 piksel lebarnya.",
		}
	}
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, errBroken
	}
	var upright image.Image = img
	if o := orientation(data); o != 1 {
		upright = orient(toRGBA(img), o)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, upright, &jpeg.Options{Quality: fullQuality}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// pngKeep are the chunks that draw a PNG or an animated PNG. Everything
// else (tEXt, iTXt, zTXt, eXIf, tIME, and any chunk a tool invents) goes.
var pngKeep = []string{"IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD", "acTL", "fcTL", "fdAT"}

func cleanPNG(data []byte) ([]byte, error) {
	rest, ok := bytes.CutPrefix(data, pngSignature)
	if !ok {
		return nil, errBroken
	}
	out := slices.Clone(pngSignature)
	for {
		if len(rest) < 12 {
			return nil, errBroken
		}
		n := binary.BigEndian.Uint32(rest)
		if uint64(n)+12 > uint64(len(rest)) {
			return nil, errBroken
		}
		kind := string(rest[4:8])
		chunk := rest[:12+n]
		rest = rest[12+n:]
		if slices.Contains(pngKeep, kind) {
			out = append(out, chunk...)
		}
		if kind == "IEND" {
			return out, nil // anything after the end is dropped too
		}
	}
}

// webpKeep are the chunks that draw a WebP picture or animation.
var webpKeep = []string{"VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP"}

func cleanWebP(data []byte) ([]byte, error) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return nil, errBroken
	}
	size := uint64(binary.LittleEndian.Uint32(data[4:]))
	if size+8 > uint64(len(data)) || size < 4 {
		return nil, errBroken
	}
	rest := data[12 : 8+size]
	out := []byte("RIFF\x00\x00\x00\x00WEBP")
	kept := 0
	for len(rest) > 0 {
		if len(rest) < 8 {
			return nil, errBroken
		}
		kind := string(rest[:4])
		n := uint64(binary.LittleEndian.Uint32(rest[4:]))
		end := 8 + n + n&1 // chunks are padded to an even size
		if end > uint64(len(rest)) {
			if 8+n != uint64(len(rest)) { // tolerate a missing last pad byte
				return nil, errBroken
			}
			end = 8 + n
		}
		chunk := slices.Clone(rest[:end])
		rest = rest[end:]
		if !slices.Contains(webpKeep, kind) {
			continue
		}
		if kind == "VP8X" && len(chunk) > 8 {
			chunk[8] &^= 0x08 | 0x04 // the flags say there is no EXIF and no XMP
		}
		out = append(out, chunk...)
		kept++
	}
	if kept == 0 {
		return nil, errBroken
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out, nil
}

// HasGPS reports whether a photo file records where it was taken: a GPS
// block in its EXIF (JPEG APP1, PNG eXIf, WebP EXIF), or GPS fields in its
// XMP.
func HasGPS(data []byte) bool {
	if bytes.Contains(data, []byte("GPSLatitude")) || bytes.Contains(data, []byte("GPSLongitude")) {
		return true // XMP, which is text
	}
	for _, t := range exifBlocks(data) {
		if tiffHasGPS(t) {
			return true
		}
	}
	return false
}

// exifBlocks returns the TIFF blocks of EXIF found in a JPEG, PNG or WebP
// file.
func exifBlocks(data []byte) [][]byte {
	var blocks [][]byte
	switch {
	case len(data) > 4 && data[0] == 0xFF && data[1] == 0xD8:
		for i := 2; i+4 <= len(data) && data[i] == 0xFF; {
			marker := data[i+1]
			if marker == 0xDA || marker == 0xD9 {
				break
			}
			end := i + 2 + int(binary.BigEndian.Uint16(data[i+2:]))
			if end > len(data) || end < i+4 {
				break
			}
			if seg := data[i+4 : end]; marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
				blocks = append(blocks, seg[6:])
			}
			i = end
		}
	case bytes.HasPrefix(data, pngSignature):
		for rest := data[8:]; len(rest) >= 12; {
			n := uint64(binary.BigEndian.Uint32(rest))
			if n+12 > uint64(len(rest)) {
				break
			}
			if string(rest[4:8]) == "eXIf" {
				blocks = append(blocks, rest[8:8+n])
			}
			rest = rest[12+n:]
		}
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		for rest := data[12:]; len(rest) >= 8; {
			n := uint64(binary.LittleEndian.Uint32(rest[4:]))
			if 8+n > uint64(len(rest)) {
				break
			}
			if string(rest[:4]) == "EXIF" {
				b := rest[8 : 8+n]
				blocks = append(blocks, bytes.TrimPrefix(b, []byte("Exif\x00\x00")))
			}
			rest = rest[min(uint64(len(rest)), 8+n+n&1):]
		}
	}
	return blocks
}

// tiffHasGPS reports whether the first IFD of a TIFF block points to a GPS
// IFD (tag 0x8825).
func tiffHasGPS(t []byte) bool {
	if len(t) < 8 {
		return false
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return false
	}
	ifd := uint64(bo.Uint32(t[4:]))
	if ifd+2 > uint64(len(t)) {
		return false
	}
	n := uint64(bo.Uint16(t[ifd:]))
	for k := uint64(0); k < n; k++ {
		e := ifd + 2 + 12*k
		if e+12 > uint64(len(t)) {
			return false
		}
		if bo.Uint16(t[e:]) == 0x8825 {
			return true
		}
	}
	return false
}

// IsError reports whether err is a photo that cannot be published (an
// *Error), as opposed to a failure of the machine.
func IsError(err error) bool {
	var e *Error
	return errors.As(err, &e)
}
