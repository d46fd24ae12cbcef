package locale

import (
	"strings"
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	jakarta := WIB
	tests := []struct {
		in         time.Time
		date, want string
	}{
		{time.Date(2020, 11, 5, 10, 0, 0, 0, jakarta), "Kamis, 5 November 2020", "5 Nov 2020"},
		{time.Date(1945, 8, 17, 10, 0, 0, 0, jakarta), "Jumat, 17 Agustus 1945", "17 Agu 1945"},
		{time.Date(2024, 1, 1, 0, 0, 0, 0, jakarta), "Senin, 1 Januari 2024", "1 Jan 2024"},
		{time.Date(2024, 5, 14, 0, 0, 0, 0, jakarta), "Selasa, 14 Mei 2024", "14 Mei 2024"},
		{time.Date(2024, 10, 2, 0, 0, 0, 0, jakarta), "Rabu, 2 Oktober 2024", "2 Okt 2024"},
		{time.Date(2024, 12, 28, 0, 0, 0, 0, jakarta), "Sabtu, 28 Desember 2024", "28 Des 2024"},
		{time.Date(2024, 12, 29, 0, 0, 0, 0, jakarta), "Minggu, 29 Desember 2024", "29 Des 2024"},
		// 18:30 UTC on 4 November is already 01:30 on 5 November in WIB.
		{time.Date(2020, 11, 4, 18, 30, 0, 0, time.UTC), "Kamis, 5 November 2020", "5 Nov 2020"},
		// 16:59 UTC on 31 December is still 23:59 on 31 December in WIB.
		{time.Date(2023, 12, 31, 16, 59, 0, 0, time.UTC), "Minggu, 31 Desember 2023", "31 Des 2023"},
		{time.Date(2023, 12, 31, 17, 0, 0, 0, time.UTC), "Senin, 1 Januari 2024", "1 Jan 2024"},
		// A time written in another zone (WITA, UTC+8) is shown in WIB.
		{time.Date(2021, 3, 1, 0, 30, 0, 0, time.FixedZone("WITA", 8*3600)), "Minggu, 28 Februari 2021", "28 Feb 2021"},
		{time.Date(2021, 6, 30, 0, 0, 0, 0, jakarta), "Rabu, 30 Juni 2021", "30 Jun 2021"},
		{time.Date(2021, 7, 4, 0, 0, 0, 0, jakarta), "Minggu, 4 Juli 2021", "4 Jul 2021"},
		{time.Date(2021, 9, 9, 0, 0, 0, 0, jakarta), "Kamis, 9 September 2021", "9 Sep 2021"},
		{time.Date(2021, 3, 3, 0, 0, 0, 0, jakarta), "Rabu, 3 Maret 2021", "3 Mar 2021"},
		{time.Date(2021, 4, 4, 0, 0, 0, 0, jakarta), "Minggu, 4 April 2021", "4 Apr 2021"},
	}
	for _, tt := range tests {
		if got := Date(tt.in); got != tt.date {
			t.Errorf("Date(%v) = %q, want %q", tt.in, got, tt.date)
		}
		if got := ShortDate(tt.in); got != tt.want {
			t.Errorf("ShortDate(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMonthName(t *testing.T) {
	want := []string{"", "Januari", "Februari", "Maret", "April", "Mei", "Juni",
		"Juli", "Agustus", "September", "Oktober", "November", "Desember", ""}
	for m, w := range want {
		if got := MonthName(time.Month(m)); got != w {
			t.Errorf("MonthName(%d) = %q, want %q", m, got, w)
		}
	}
	if got := MonthName(-1); got != "" {
		t.Errorf("MonthName(-1) = %q, want \"\"", got)
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1.000"},
		{15000, "15.000"},
		{100000, "100.000"},
		{1250000, "1.250.000"},
		{-1, "-1"},
		{-15000, "-15.000"},
		{-999999, "-999.999"},
		{9223372036854775807, "9.223.372.036.854.775.807"},
		{-9223372036854775808, "-9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		if got := Number(tt.in); got != tt.want {
			t.Errorf("Number(%d) = %q, want %q", tt.in, got, tt.want)
		}
		want := "Rp" + strings.TrimPrefix(tt.want, "-")
		if tt.in < 0 {
			want = "-" + want
		}
		if got := Rupiah(tt.in); got != want {
			t.Errorf("Rupiah(%d) = %q, want %q", tt.in, got, want)
		}
	}
}

func TestRupiah(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "Rp0"},
		{500, "Rp500"},
		{15000, "Rp15.000"},
		{1250000, "Rp1.250.000"},
		{-15000, "-Rp15.000"},
	}
	for _, tt := range tests {
		if got := Rupiah(tt.in); got != tt.want {
			t.Errorf("Rupiah(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRupiahShort(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "Rp0"},
		{15000, "Rp15.000"},
		{999_999, "Rp999.999"},
		{-999_999, "-Rp999.999"},
		{1_000_000, "Rp1 juta"},
		{2_000_000, "Rp2 juta"},
		{1_500_000, "Rp1,5 juta"},
		{1_250_000, "Rp1,25 juta"},
		{1_050_000, "Rp1,05 juta"},
		{1_004_999, "Rp1 juta"},     // 1,004999 rounds down
		{1_005_000, "Rp1,01 juta"},  // exactly half rounds up
		{1_994_999, "Rp1,99 juta"},  // not yet half of a hundredth
		{1_995_000, "Rp2 juta"},     // rounds up to a whole number
		{1_999_999, "Rp2 juta"},     // truncation would give 1,99
		{250_000_000, "Rp250 juta"}, // the design's example
		{-2_500_000, "-Rp2,5 juta"},
		{999_994_999, "Rp999,99 juta"},
		{999_995_000, "Rp1 miliar"}, // 999,995 juta rounds to 1.000 juta
		{999_999_999, "Rp1 miliar"},
		{-999_999_999, "-Rp1 miliar"},
		{1_000_000_000, "Rp1 miliar"},
		{1_500_000_000, "Rp1,5 miliar"},
		{12_345_678_901, "Rp12,35 miliar"},
		{999_995_000_000, "Rp1 triliun"},
		{999_994_999_999, "Rp999,99 miliar"},
		{1_250_000_000_000, "Rp1,25 triliun"},
		{1_000_000_000_000_000, "Rp1.000 triliun"},
		{9223372036854775807, "Rp9.223.372,04 triliun"},
		{-9223372036854775808, "-Rp9.223.372,04 triliun"},
	}
	for _, tt := range tests {
		if got := RupiahShort(tt.in); got != tt.want {
			t.Errorf("RupiahShort(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
