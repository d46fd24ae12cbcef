package output

import (
	"errors"
	"io/fs"
	"os"
)

// Temp is temporary storage for what a build must not hold in memory,
// such as the city's open data gathered site by site: a file to write, read
// back from the start, and drop with Close.
type Temp struct{ *os.File }

// NewTemp returns an empty Temp in the system's temporary folder. The file
// is removed from the folder at once where the system allows it (Unix), so
// that it goes with the process however it ends; elsewhere Close removes
// it.
func NewTemp() (*Temp, error) {
	f, err := os.CreateTemp("", "kimsite-*")
	if err != nil {
		return nil, err
	}
	_ = os.Remove(f.Name()) // fails on Windows while f is open: Close retries
	return &Temp{f}, nil
}

// Close closes the file and removes it.
func (t *Temp) Close() error {
	err := t.File.Close()
	if rm := os.Remove(t.Name()); rm != nil && !errors.Is(rm, fs.ErrNotExist) {
		err = errors.Join(err, rm)
	}
	return err
}
