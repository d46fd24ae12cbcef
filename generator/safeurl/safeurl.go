// Package safeurl decides which URLs content may carry.
//
// Content comes from anyone who can open a pull request, so a URL written
// in front matter or Markdown is accepted only when it cannot run code or
// smuggle data: http and https with a host, mailto and tel. Everything else
// (javascript:, data:, vbscript:, file:, protocol-relative //host, control
// characters) is refused.
package safeurl

import (
	"errors"
	"net/url"
	"strings"
)

// Errors returned by CheckAbsolute, in Bahasa Indonesia.
var (
	ErrEmpty   = errors.New("tautan kosong")
	ErrSpace   = errors.New("tautan berisi spasi atau karakter kendali")
	ErrScheme  = errors.New("tautan harus diawali https://, http://, mailto: atau tel:")
	ErrNoHost  = errors.New("tautan tidak berisi nama situs")
	ErrInvalid = errors.New("tautan tidak dapat dibaca")
)

// CheckAbsolute reports whether s is an absolute URL with an allowed scheme:
// http(s) with a host, mailto or tel.
func CheckAbsolute(s string) error {
	if s == "" {
		return ErrEmpty
	}
	if hasControlOrSpace(s) {
		return ErrSpace
	}
	u, err := url.Parse(s)
	if err != nil {
		return ErrInvalid
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" || u.Opaque != "" {
			return ErrNoHost
		}
		if u.User != nil || !validHost(u.Hostname()) {
			// "https://bank.go.id@evil.example/" shows one host and
			// opens another; quotes and brackets belong in no host.
			return ErrInvalid
		}
		return nil
	case "mailto", "tel":
		if u.Opaque == "" {
			return ErrInvalid
		}
		return nil
	}
	return ErrScheme
}

// IsRelative reports whether s is a reference without scheme or host, such
// as "../umkm/warung.md" or "foto.jpg#atas". Such references are resolved
// against the content tree by the caller.
func IsRelative(s string) bool {
	if s == "" || hasControl(s) {
		return false
	}
	// A browser skips leading spaces and reads a backslash as a slash, so
	// " //host", "/\host" and "\\host" all name another host.
	if lead := strings.ReplaceAll(strings.TrimLeft(s, " "), `\`, "/"); strings.HasPrefix(lead, "//") {
		return false
	}
	u, err := url.Parse(strings.ReplaceAll(s, " ", "%20"))
	return err == nil && u.Scheme == "" && u.Host == ""
}

// Check accepts an allowed absolute URL or a relative reference.
func Check(s string) error {
	if IsRelative(s) {
		return nil
	}
	return CheckAbsolute(s)
}

// validHost reports whether h is a host name (letters, digits, hyphens and
// dots, or letters beyond ASCII for internationalised names) or an IPv6
// address.
func validHost(h string) bool {
	if h == "" {
		return false
	}
	if strings.Contains(h, ":") {
		return strings.Trim(strings.ToLower(h), "0123456789abcdef:.") == ""
	}
	for _, r := range h {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r >= 0xa0) {
			return false
		}
	}
	return true
}

func hasControlOrSpace(s string) bool {
	return strings.ContainsRune(s, ' ') || hasControl(s)
}

func hasControl(s string) bool {
	for _, r := range s {
		if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' {
			return true
		}
	}
	return false
}
