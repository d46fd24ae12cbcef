package content

import (
	"regexp"
	"strings"
)

// sedTemp is the name sed -i writes its output to before renaming it over
// the file: "sed" and six random letters and digits (sedzGuPP7).
var sedTemp = regexp.MustCompile(`^sed[A-Za-z0-9]{6}$`)

// Temporary reports whether a file is an editor's or the system's scratch
// or leftover, never content: dot files (.x.swp, .#x, .goutputstream-*,
// macOS's ._x), backups (x~), Emacs autosaves (#x#), the file Vim writes to
// test a folder (4913), the files sed -i, JetBrains editors, Kate, nano
// and Word write while saving (sedzGuPP7, x___jb_tmp___, x.kate-swp,
// x.save, ~$x.docx), half-finished downloads, and Windows' Thumbs.db and
// desktop.ini. The build skips them, and the preview neither rebuilds for
// them nor names them in its messages: a volunteer saved the real file.
func Temporary(name string) bool {
	for _, suffix := range []string{"~", ".swp", ".swx", ".swo", ".tmp", ".kate-swp", ".save", "___jb_tmp___", "___jb_old___", ".crdownload", ".part"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasPrefix(name, "~$") ||
		name == "4913" || name == "Thumbs.db" || name == "desktop.ini" || sedTemp.MatchString(name)
}
