package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/kotamalang/kimsite/generator/diag"
)

// printAnnotations writes each problem as a GitHub Actions workflow
// command, so that it shows on the pull request's diff at its line:
//
//	::error file=content/kauman/berita/x.md,line=3,title=kimsite::message%0Ahint
//
// As in the terminal, at most diag.PerFile problems of a file and
// diag.Shown in all are written; a last notice counts the rest.
func printAnnotations(w io.Writer, problems diag.List) {
	shown, _, omitted := problems.Limited(diag.PerFile, diag.Shown)
	defer func() {
		if omitted > 0 {
			fmt.Fprintf(w, "::notice title=kimsite check::%s\n", escapeData(fmt.Sprintf("… dan %d masalah lain yang tidak ditampilkan; jalankan kimsite check untuk daftar berikutnya.", omitted)))
		}
	}()
	for _, p := range shown {
		level := "error"
		if p.Severity == diag.Warning {
			level = "warning"
		}
		props := "file=" + escapeProperty(p.Path)
		if p.Line > 0 {
			props += fmt.Sprintf(",line=%d", p.Line)
		}
		msg := p.Message
		if p.Hint != "" {
			msg += "\n" + p.Hint
		}
		fmt.Fprintf(w, "::%s %s,title=kimsite check::%s\n", level, props, escapeData(msg))
	}
}

// escapeData escapes a workflow command's message as the runner expects.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
