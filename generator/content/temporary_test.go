package content

import "testing"

func TestTemporary(t *testing.T) {
	for _, name := range []string{"sedzGuPP7", "sed0a1B2c", ".kerja.md.swp", "kerja.md~", "#kerja.md#", "4913", "kerja.md___jb_tmp___", "kerja.md.kate-swp", "~$laporan.docx", "Thumbs.db", "foto.jpg.crdownload"} {
		if !Temporary(name) {
			t.Errorf("%s: not temporary", name)
		}
	}
	for _, name := range []string{"kerja.md", "sedekah.md", "sedekah", "seduh123.jpg", "index.md", "IMG_20261105_083012.jpg", "laporan.docx"} {
		if Temporary(name) {
			t.Errorf("%s: temporary", name)
		}
	}
}
