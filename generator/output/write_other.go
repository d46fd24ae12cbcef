//go:build !unix

package output

import (
	"errors"
	"os"
)

// writeNew creates the file at path, refusing one that exists, and writes
// data.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}
