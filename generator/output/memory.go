package output

import (
	"fmt"
	"io/fs"
	"slices"
	"sync"
)

// Memory keeps a build's files in memory, for tests and the preview
// server. It is safe for concurrent use.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile stores one file, refusing unclean names and second writes as
// Dir does.
func (m *Memory) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("%w: %q", ErrPath, name)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.files[name]; dup {
		return fmt.Errorf("%w: %q", ErrTwice, name)
	}
	m.files[name] = slices.Clone(data)
	return nil
}

// File returns a stored file and whether it exists.
func (m *Memory) File(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	data, ok := m.files[name]
	return data, ok
}

// Names returns every stored name, sorted.
func (m *Memory) Names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
