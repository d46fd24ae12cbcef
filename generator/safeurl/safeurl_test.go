package safeurl

import "testing"

func TestCheckAbsolute(t *testing.T) {
	for _, ok := range []string{
		"https://malangkota.go.id/", "http://a.id", "https://a.id:8443/x?y=1#z", "https://[2001:db8::1]/",
		"https://contoh.ไทย/", "mailto:kim@kauman.id", "tel:+62341551234", "HTTPS://A.ID",
	} {
		if err := CheckAbsolute(ok); err != nil {
			t.Errorf("CheckAbsolute(%q) = %v, want nil", ok, err)
		}
	}
	for _, bad := range []string{
		"", "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd",
		"//evil.example/", "https:evil.example", "https:///x", "https://bank.go.id@evil.example/",
		"https://user:pass@a.id/", `https://"a.id/`, "https://a<b>.id/", "https://a'.id/", "https://a.id /x",
		"java\tscript:x", "https://a.id/\u2028", "mailto:", "tel:",
	} {
		if err := CheckAbsolute(bad); err == nil {
			t.Errorf("CheckAbsolute(%q) = nil, want an error", bad)
		}
	}
}

func TestIsRelative(t *testing.T) {
	for s, want := range map[string]bool{
		"foto.jpg": true, "../umkm/w.md#jam": true, "/rab.pdf": true, "foto kegiatan.jpg": true,
		"//evil.example/": false, `/\evil.example/`: false, `\/evil`: false, `\\evil\x`: false,
		" //evil.example/": false, "javascript:x": false, "": false, "a\nb": false,
	} {
		if got := IsRelative(s); got != want {
			t.Errorf("IsRelative(%q) = %v, want %v", s, got, want)
		}
	}
}
