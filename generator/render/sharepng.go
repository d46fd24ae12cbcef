package render

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image/color"
)

// encodePNG4 encodes a canvas of w×h (coverage, one byte a pixel, 0 for
// pal[0] to 255 for its last entry) as a PNG of 4 bits a pixel: a card has
// 16 colours. image/png would take the picture through image.Paletted's
// ColorIndexAt, pixel by pixel, for more than half of a card's time; rows
// are packed here straight from the coverage, and a row with nothing on
// it is all zeros. The canvas's zlib writer is reused, or made.
func encodePNG4(cv *canvas, w, h int, pal []color.RGBA) ([]byte, error) {
	zw := &cv.zw
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 4, 3 // 4 bits a pixel, palette
	chunk(&out, "IHDR", ihdr)
	plte := make([]byte, 0, 3*len(pal))
	for _, c := range pal {
		plte = append(plte, c.R, c.G, c.B)
	}
	chunk(&out, "PLTE", plte)
	var level [256]uint8
	last := len(pal) - 1
	for a := range level {
		level[a] = uint8((a*last + 127) / 255)
	}
	var z bytes.Buffer
	if *zw == nil {
		var err error
		if *zw, err = zlib.NewWriterLevel(&z, zlib.BestSpeed); err != nil {
			return nil, err
		}
	} else {
		(*zw).Reset(&z)
	}
	empty := make([]byte, 1+(w+1)/2) // filter type 0 (none), then the pixels
	row := make([]byte, len(empty))
	for y := range h {
		if !cv.dirty[y] {
			if _, err := (*zw).Write(empty); err != nil {
				return nil, err
			}
			continue
		}
		src := cv.cov[y*w : (y+1)*w]
		for x := 0; x < w; x += 2 {
			b := level[src[x]] << 4
			if x+1 < w {
				b |= level[src[x+1]]
			}
			row[1+x/2] = b
		}
		if _, err := (*zw).Write(row); err != nil {
			return nil, err
		}
	}
	if err := (*zw).Close(); err != nil {
		return nil, err
	}
	chunk(&out, "IDAT", z.Bytes())
	chunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

// chunk writes one PNG chunk: length, type, data, CRC of type and data.
func chunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	out.WriteString(typ)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}
