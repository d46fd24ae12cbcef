package privacy

import "testing"

// TestLabels checks that order and payment numbers introduced by their label
// are not reported, while a label that names an identity number, or a label
// on another line, still lets the number be found.
func TestLabels(t *testing.T) {
	const nik = "3573014506900001"
	tests := []struct {
		text  string
		found bool
	}{
		{"Nomor pesanan: " + nik, false},
		{"No. Invoice #3573 0145 0690 0001", false},
		{"ID transaksi " + nik + " sudah dibayar", false},
		{"No. resi JNE " + nik, false},
		{"Order ID: " + nik, false},
		{"Kode booking " + nik, false},

		{"NIK pemesan: " + nik, true},
		{"Pesanan atas nama NIK " + nik, true},
		{"No. KK untuk pesanan " + nik, true},
		{"Nomor pesanan lama sudah dihapus, warga " + nik, true},
		{"Nomor pesanan:\n" + nik, true},
		{"pemesanan " + nik, true},
		{nik, true},
	}
	for _, tt := range tests {
		if got := len(FindIDNumbers(tt.text)) > 0; got != tt.found {
			t.Errorf("FindIDNumbers(%q) found = %v, want %v", tt.text, got, tt.found)
		}
	}
}
