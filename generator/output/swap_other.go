//go:build !linux

package output

import "errors"

var errNoExchange = errors.New("sistem berkas tidak dapat menukar folder sekaligus")

func exchange(a, b string) error { return errNoExchange }

func swap(staging, target string) error { return swapByRename(staging, target) }

// identity is unknown here: a build never keeps a folder of the previous
// one.
func identity(p string) string { return "" }
