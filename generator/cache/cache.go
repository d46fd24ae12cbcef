// Package cache lets a build reuse the output of sites whose inputs did not
// change since the previous build.
//
// It takes hashes of everything a site's output depends on (the engine, the
// theme, sites.yaml, the build options and every file in the site's
// folder) and gives, for a site whose key is unchanged, the names of the
// files it wrote last time and the digest the portal needs. A site whose
// key changed is rendered whole, so its lists, tags, feed and sitemap are
// always right; the portal is rendered on every build from all digests. The
// manifest is one gob file, written only after a successful build; a
// missing, stale or unreadable manifest only means a full build.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// version changes when the manifest's format does.
const version = "kimsite-cache-3"

// Entry is what a build remembers about one site.
type Entry struct {
	Key    string   // the hash of the site's inputs
	Files  []string // the output files, relative to the output folder
	Digest []byte   // the site's digest for the portal, encoded by the caller

	// Content is the hash of the site's folder (AddTree), and Stat its
	// StatTree when that can stand in for Content next time ("" when not).
	Content, Stat string

	// Folder is the identity of the site's output folder after the build
	// (see output.Dir.Identity).
	Folder string
}

type manifest struct {
	Version string
	Sites   map[string]Entry
}

// Cache is the manifest of the previous build and the one being made.
// It is not safe for concurrent use.
type Cache struct {
	file     string
	previous map[string]Entry
	next     map[string]Entry
}

// Open reads the manifest in file; a missing or unreadable one gives an
// empty cache.
func Open(file string) *Cache {
	c := &Cache{file: file, previous: map[string]Entry{}, next: map[string]Entry{}}
	data, err := os.ReadFile(file)
	if err != nil {
		return c
	}
	var m manifest
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&m) == nil && m.Version == version {
		c.previous = m.Sites
	}
	return c
}

// Lookup returns the previous build's entry for a site when its key is the
// same.
func (c *Cache) Lookup(site, key string) (Entry, bool) {
	e, ok := c.previous[site]
	return e, ok && e.Key == key
}

// Previous returns the previous build's entry for a site, whatever its key.
func (c *Cache) Previous(site string) (Entry, bool) {
	e, ok := c.previous[site]
	return e, ok
}

// Put records a site's entry for the next build.
func (c *Cache) Put(site string, e Entry) { c.next[site] = e }

// Stamp sets the Folder of every entry of this build.
func (c *Cache) Stamp(folder func(site string) string) {
	for site, e := range c.next {
		e.Folder = folder(site)
		c.next[site] = e
	}
}

// Save writes the manifest of this build, replacing the previous one in one
// rename. Sites not built this time are forgotten.
func (c *Cache) Save() error { return c.save(c.next) }

// Forget removes the manifest, so that a build killed before the next
// Save is followed by a full build: while the output is being replaced,
// the previous manifest may no longer describe it.
func (c *Cache) Forget() error {
	if err := os.Remove(c.file); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

func (c *Cache) save(sites map[string]Entry) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(manifest{Version: version, Sites: sites}); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(c.file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.file), filepath.Base(c.file)+".tmp-")
	if err != nil {
		return err
	}
	_, err = tmp.Write(buf.Bytes())
	if err = errors.Join(err, tmp.Close()); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), c.file)
}

// Hasher builds a key from named parts.
type Hasher struct{ h hash.Hash }

// NewHasher starts a key.
func NewHasher() *Hasher { return &Hasher{h: sha256.New()} }

// Add mixes a named value into the key. Names and values are length
// prefixed, so that no two different sequences of parts give one stream.
func (h *Hasher) Add(name string, value []byte) {
	var n [16]byte
	putLen(n[:8], len(name))
	putLen(n[8:], len(value))
	h.h.Write(n[:])
	io.WriteString(h.h, name)
	h.h.Write(value)
}

func putLen(b []byte, n int) {
	for i := range b {
		b[i] = byte(n >> (8 * i))
	}
}

// ErrTreeFile is returned by AddTree for a file it will not read: one
// that is not a regular file (a FIFO would block the build for ever) or
// one larger than the limit. The caller builds without the cache, and the
// content stage reports the file.
var ErrTreeFile = errors.New("cache: a file that is not hashed")

// AddTree mixes in every file under dir in fsys, by path and content, in a
// fixed order. Files are read as streams, and none larger than maxFile
// bytes is read at all (see ErrTreeFile).
func (h *Hasher) AddTree(fsys fs.FS, dir string, maxFile int64) error {
	type file struct {
		name string
		size int64
	}
	var files []file
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if !info.Mode().IsRegular() || info.Size() > maxFile {
			return fmt.Errorf("%w: %s", ErrTreeFile, p)
		}
		files = append(files, file{p, info.Size()})
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(files, func(a, b file) int { return strings.Compare(a.name, b.name) })
	for _, f := range files {
		if err := h.addFile(fsys, f.name, f.size); err != nil {
			return err
		}
	}
	return nil
}

// addFile mixes in one file as Add would, streaming its content.
func (h *Hasher) addFile(fsys fs.FS, name string, size int64) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	var n [16]byte
	putLen(n[:8], len(name))
	putLen(n[8:], int(size))
	h.h.Write(n[:])
	io.WriteString(h.h, name)
	copied, err := io.Copy(h.h, io.LimitReader(f, size+1))
	if err == nil && copied != size {
		err = fmt.Errorf("%w: %s changed while it was read", ErrTreeFile, name)
	}
	return err
}

// StatTree returns a key of the names, sizes, modes and modification times
// of the files under dir: a cheap stand-in for their contents, as git's
// index is, that costs one stat per file instead of reading it. A file
// changed since notBefore makes the key racy: it could change again within
// the file system's clock tick without its time changing, so a racy key
// must not be trusted by a later build.
func StatTree(fsys fs.FS, dir string, notBefore time.Time) (key string, racy bool, err error) {
	h := NewHasher()
	err = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		mod := info.ModTime()
		racy = racy || !mod.Before(notBefore)
		var b [24]byte
		putLen(b[:8], int(info.Size()))
		putLen(b[8:16], int(mod.UnixNano()))
		putLen(b[16:], int(info.Mode()))
		h.Add(p, b[:])
		return nil
	})
	return h.Sum(), racy, err
}

// Sum returns the key.
func (h *Hasher) Sum() string { return hex.EncodeToString(h.h.Sum(nil)) }

// Executable returns a hash of the running program, so that a new version
// of kimsite never reuses what an older one rendered.
func Executable() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
