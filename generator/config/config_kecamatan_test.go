package config

import (
	"strings"
	"testing"
)

func TestKecamatanSpelledTwoWays(t *testing.T) {
	data := "city: Kota Malang\nbase_url: https://kim.example.id/\nsites:\n" +
		"  - {id: kauman, name: Kelurahan Kauman, kecamatan: Klojen}\n" +
		"  - id: samaan\n    name: Kelurahan Samaan\n    kecamatan: KLOJEN\n"
	_, _, problems := Parse([]byte(data))
	if len(problems) != 1 || problems[0].Line != 7 || !strings.Contains(problems[0].Message, `kecamatan "KLOJEN" ditulis lain dari "Klojen"`) {
		t.Fatalf("got %v", problems)
	}
}
