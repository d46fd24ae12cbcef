package privacy

import (
	"slices"
	"strings"
	"unicode"
)

// otherLabels are words that introduce a number that is not an identity
// number: order, invoice, transaction and ticket numbers, which shops and
// payment services print with 16 digits too.
var otherLabels = []string{
	"pesanan", "order", "invoice", "inv", "faktur", "transaksi", "trx", "resi",
	"tiket", "booking", "tagihan", "kuitansi", "kwitansi", "struk", "referensi", "ref",
}

// idLabels are words that say a number is an identity number; they win
// over otherLabels, as in "NIK pemesan" or "No. KK untuk pesanan".
var idLabels = []string{"nik", "kk", "ktp", "kependudukan", "keluarga"}

// labelWords is how many words before a number are read for its label.
const labelWords = 3

// labelledOther reports whether the number starting at offset is
// introduced, on its own line, by one of otherLabels among its last
// labelWords words, and by none of idLabels.
func labelledOther(text string, offset int) bool {
	line := text[:offset]
	if i := strings.LastIndexByte(line, '\n'); i >= 0 {
		line = line[i+1:]
	}
	words := strings.FieldsFunc(strings.ToLower(line), func(r rune) bool { return !unicode.IsLetter(r) })
	words = words[max(0, len(words)-labelWords):]
	other := false
	for _, w := range words {
		if slices.Contains(idLabels, w) {
			return false
		}
		other = other || slices.Contains(otherLabels, w)
	}
	return other
}
