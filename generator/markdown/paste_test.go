package markdown

import (
	"strings"
	"testing"
)

// TestPasted renders text as volunteers paste it, and Markdown as authors
// write it on purpose, and compares the HTML.
func TestPasted(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"pasted paragraphs split",
			"Warga RW 05 kerja bakti hari Minggu.\nKegiatan dimulai pukul 07.00 WIB!\n\"Kami senang,\" kata Pak RT.\n",
			"<p>Warga RW 05 kerja bakti hari Minggu.</p>\n<p>Kegiatan dimulai pukul 07.00 WIB!</p>\n<p>&quot;Kami senang,&quot; kata Pak RT.</p>\n"},
		{"hard-wrapped Markdown unchanged",
			"Warga RW 05 mengadakan kerja bakti membersihkan saluran\nair di sepanjang Jalan Kauman. Kegiatan ini diikuti\noleh sekitar lima puluh warga.\n",
			"<p>Warga RW 05 mengadakan kerja bakti membersihkan saluran\nair di sepanjang Jalan Kauman. Kegiatan ini diikuti\noleh sekitar lima puluh warga.</p>\n"},
		{"a coincidental sentence end in wrapped text stays",
			"Warga RW 05 mengadakan kerja bakti membersihkan\nsaluran air di Jalan Kauman. Kegiatan dimulai.\nSekitar lima puluh warga hadir membawa\ncangkul dan sapu lidi dari rumah masing-masing.\n",
			"<p>Warga RW 05 mengadakan kerja bakti membersihkan\nsaluran air di Jalan Kauman. Kegiatan dimulai.\nSekitar lima puluh warga hadir membawa\ncangkul dan sapu lidi dari rumah masing-masing.</p>\n"},
		{"greeting lines keep their breaks",
			"Kepada Yth.\nBapak/Ibu warga RW 05\nDi tempat.\n",
			"<p>Kepada Yth.</p>\n<p>Bapak/Ibu warga RW 05<br>\nDi tempat.</p>\n"},
		{"emoji ends a sentence",
			"Terima kasih atas partisipasinya 🙏\nSampai jumpa Minggu depan.\n",
			"<p>Terima kasih atas partisipasinya 🙏</p>\n<p>Sampai jumpa Minggu depan.</p>\n"},
		{"video link on its own line becomes its own paragraph",
			"Tonton videonya di sini.\nhttps://example.com/video\nTerima kasih.\n",
			"<p>Tonton videonya di sini.</p>\n<p><a href=\"https://example.com/video\">https://example.com/video</a></p>\n<p>Terima kasih.</p>\n"},
		{"lists typed with bullets become lists",
			"Yang perlu dibawa:\n• Fotokopi KTP\n• Fotokopi KK\n",
			"<p>Yang perlu dibawa:</p>\n<ul>\n<li>Fotokopi KTP</li>\n<li>Fotokopi KK</li>\n</ul>\n"},
		{"Word bullets and middle dots",
			"\uf0b7 Beras\n· Minyak\n",
			"<ul>\n<li>Beras</li>\n<li>Minyak</li>\n</ul>\n"},
		{"lists with a) and 1) keep their lines",
			"Syarat:\na. Fotokopi KTP\nb. Fotokopi KK\n\nLangkah:\n1) Datang\n2) Antre\n",
			"<p>Syarat:<br>\na. Fotokopi KTP<br>\nb. Fotokopi KK</p>\n<p>Langkah:</p>\n<ol>\n<li>Datang</li>\n<li>Antre</li>\n</ol>\n"},
		{"dash lists untouched",
			"- Satu.\n- Dua.\n",
			"<ul>\n<li>Satu.</li>\n<li>Dua.</li>\n</ul>\n"},
		{"quotes untouched",
			"> Satu.\n> Dua.\n",
			"<blockquote>\n<p>Satu.\nDua.</p>\n</blockquote>\n"},
		{"code untouched",
			"```\n• Satu.\nDua.\n```\n",
			"<pre><code>• Satu.\nDua.\n</code></pre>\n"},
		{"WhatsApp bold, italic and strike",
			"*PENGUMUMAN* untuk _semua_ warga, ~batal~ jadi.\n",
			"<p><strong>PENGUMUMAN</strong> untuk <em>semua</em> warga, <del>batal</del> jadi.</p>\n"},
		{"Markdown page keeps single asterisk italic",
			"**Penting**: baca *sampai habis*.\n",
			"<p><strong>Penting</strong>: baca <em>sampai habis</em>.</p>\n"},
		{"the guide's before and after", // content/README.md, "Menempel teks"
			"*PENGUMUMAN*\nPosyandu Balita bulan ini hari _Sabtu, 28 November_ pukul 08.00 WIB di Balai RW 03.\nYang perlu dibawa:\n• Buku KIA\n• Fotokopi KK\nTerima kasih 🙏\n",
			"<p><strong>PENGUMUMAN</strong><br>\nPosyandu Balita bulan ini hari <em>Sabtu, 28 November</em> pukul 08.00 WIB di Balai RW 03.</p>\n<p>Yang perlu dibawa:</p>\n<ul>\n<li>Buku KIA</li>\n<li>Fotokopi KK</li>\n</ul>\n<p>Terima kasih 🙏</p>\n"},
		{"a Markdown list keeps its lazy line", "- Satu\n- Dua\nlanjutan dua\n",
			"<ul>\n<li>Satu</li>\n<li>Dua\nlanjutan dua</li>\n</ul>\n"},
		{"bold line then text",
			"*PENGUMUMAN*\nBesok ada kerja bakti.\nMohon hadir.\n",
			"<p><strong>PENGUMUMAN</strong><br>\nBesok ada kerja bakti.</p>\n<p>Mohon hadir.</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := loadSite(t, map[string]string{"berita/a.md": "---\ntitle: A\ndate: 2026-01-01\n---\n" + tt.body})
			page := s.PageAt("berita/a.md")
			if problems := New().Render(s, page); len(problems) > 0 {
				t.Fatal(problems)
			}
			if got := string(page.Content); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestPastedLinear: a pasted article of many paragraphs costs time in
// proportion to its length.
func TestPastedLinear(t *testing.T) {
	body := strings.Repeat("Kalimat pendek.\n", 100000)
	s := loadSite(t, map[string]string{"berita/a.md": "---\ntitle: A\ndate: 2026-01-01\n---\n" + body})
	page := s.PageAt("berita/a.md")
	New().Render(s, page)
	if n := strings.Count(string(page.Content), "<p>"); n != 100000 {
		t.Errorf("%d paragraphs, want 100000", n)
	}
}
