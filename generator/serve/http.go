package serve

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/kotamalang/kimsite/generator/diag"
)

// Paths the server owns beside the built site.
const (
	ScriptPath = "/_kimsite/reload.js"
	EventsPath = "/_kimsite/events"
)

//go:embed reload.js
var reloadJS string

// securityHeaders go on every response. Pages carry their own
// Content-Security-Policy in a meta element; the header adds what a meta
// element cannot say (frame-ancestors), and locks down everything that is
// not a page, such as an SVG opened on its own.
func securityHeaders(h http.Header, html bool) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
	if html {
		h.Set("Content-Security-Policy", "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	} else {
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; sandbox")
	}
}

// ServeHTTP serves the built files, the reload script and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	securityHeaders(w.Header(), false)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "metode tidak diizinkan", http.StatusMethodNotAllowed)
		return
	}
	if s.opts.Loopback && !localHost(r.Host) {
		http.Error(w, "pratinjau ini hanya untuk komputer ini (localhost)", http.StatusForbidden)
		return
	}
	switch r.URL.Path {
	case ScriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		fmt.Fprintf(w, "var kimsiteVersion = %d;\n%s", s.Version(), reloadJS)
		return
	case EventsPath:
		s.serveEvents(w, r)
		return
	}
	name, ok := outputName(r.URL.Path)
	if !ok {
		http.Error(w, "alamat tidak sah", http.StatusBadRequest)
		return
	}
	st := s.state.Load()
	data, found, err := st.file(name)
	if err != nil {
		http.Error(w, "halaman tidak dapat dibuat: "+err.Error(), http.StatusInternalServerError)
		return
	}
	if !found && !strings.HasSuffix(r.URL.Path, "/") {
		if _, dir, _ := st.file(name + "/index.html"); dir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !found {
		status = http.StatusNotFound
		name = "404.html"
		if data, found, _ = st.file(name); !found {
			data = []byte("Halaman tidak ditemukan.")
			name = "404.txt"
		}
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	isHTML := strings.HasPrefix(ctype, "text/html")
	securityHeaders(w.Header(), isHTML)
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// outputName maps a request path to the name of a built file. It refuses
// anything that is not a plain path down from the root: dot segments,
// empty segments (so "//host" can never become a redirect elsewhere),
// backslashes and control characters, whether written plainly or
// percent-encoded (the path arrives decoded).
func outputName(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") {
		return "", false
	}
	rel := p[1:]
	if strings.ContainsAny(rel, "\\\x00") || strings.ContainsFunc(rel, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "", false
	}
	trimmed := strings.TrimSuffix(rel, "/")
	if trimmed != "" {
		for _, seg := range strings.Split(trimmed, "/") {
			if seg == "" || seg == "." || seg == ".." {
				return "", false
			}
		}
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	return rel, true
}

// localHost reports whether a Host header names this machine.
func localHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Event is what the event stream sends after each rebuild.
type Event struct {
	Version  int64     `json:"version"`
	Problems []Message `json:"problems"` // errors only; empty after a good build
}

// Message is one problem as the overlay shows it.
type Message struct {
	Position string `json:"position"` // "content/kauman/berita/x.md:3"
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

func eventOf(st *state) Event {
	ev := Event{Version: st.version, Problems: []Message{}}
	for _, p := range st.problems {
		if p.Severity == diag.Error {
			ev.Problems = append(ev.Problems, Message{Position: p.Position(), Message: p.Message, Hint: p.Hint})
		}
	}
	return ev
}

// broker fans events out to every open stream.
type broker struct {
	mu   sync.Mutex
	subs map[chan Event]bool
}

func newBroker() *broker { return &broker{subs: map[chan Event]bool{}} }

func (b *broker) subscribe() chan Event {
	c := make(chan Event, 1)
	b.mu.Lock()
	b.subs[c] = true
	b.mu.Unlock()
	return c
}

func (b *broker) unsubscribe(c chan Event) {
	b.mu.Lock()
	delete(b.subs, c)
	b.mu.Unlock()
}

// publish sends the new state to every stream; a stream that has not read
// the previous event gets only the latest.
func (b *broker) publish(st *state) {
	ev := eventOf(st)
	b.mu.Lock()
	defer b.mu.Unlock()
	for c := range b.subs {
		select {
		case <-c:
		default:
		}
		c <- ev
	}
}

// Subscribe returns a channel that receives an Event after each rebuild,
// and a function to stop.
func (s *Server) Subscribe() (<-chan Event, func()) {
	c := s.events.subscribe()
	return c, func() { s.events.unsubscribe(c) }
}

// serveEvents streams an Event now and after every rebuild.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming tidak didukung", http.StatusInternalServerError)
		return
	}
	c := s.events.subscribe()
	defer s.events.unsubscribe(c)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	send := func(ev Event) bool {
		data, _ := json.Marshal(ev)
		_, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", data)
		flusher.Flush()
		return err == nil
	}
	if !send(eventOf(s.state.Load())) {
		return
	}
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-c:
			if !send(ev) {
				return
			}
		case <-keepAlive.C:
			if _, err := fmt.Fprint(w, ": tetap tersambung\n\n"); err != nil {
				return
			}
			flusher.Flush()
		}
	}
}
