// Package sources keeps a build from writing over the repository it builds.
//
// A build replaces its whole output folder, so an output folder that is,
// holds or lies inside the repository's sources would destroy them. The
// sources are sites.yaml, content/, themes/, generator/, cmd/, .github/,
// .ci/, go.mod, go.sum, README.md, the git folder (.git, and for a
// worktree the repository's git folder elsewhere), and every top-level
// entry git tracks. Without git, the names above are all there is.
//
// OutFolder takes the repository folder and the output folder as the user
// named them and gives the output folder to write: absolute, with every
// symbolic link and ".." resolved, so that what is checked is what gets
// replaced. Folders are compared by identity (device and inode), not by
// name, so neither another spelling (a symbolic link, "public/../content",
// "Content" on a file system that ignores case, a bind mount) nor the
// repository's own parents ("." , "..", "~", "/") get through. A refusal
// is a *Refusal whose message, in Bahasa Indonesia, says what to do.
//
// This package runs git (ls-files and rev-parse); when git is missing or
// the folder is not a git checkout, it falls back to the names above.
package sources

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Names are the top-level entries of a kimsite repository that are always
// sources, tracked or not.
var Names = []string{"sites.yaml", "content", "themes", "generator", "cmd", ".github", ".ci", ".git", "go.mod", "go.sum", "README.md"}

// RepoSigns are entries whose presence inside a folder shows it holds a
// repository (this one or another): such a folder is never an output. A
// build never writes them: a site id has no dot, so none of its folders
// has one of these names.
var RepoSigns = []string{".git", "sites.yaml", "go.mod"}

// Refusal is an output folder that may not be written, with the reason.
type Refusal struct{ Msg string }

func (r *Refusal) Error() string { return r.Msg }

// hint ends every refusal: what to do instead.
const hint = "pilih tempat lain di luar sumber, mis. --out public"

// OutFolder returns out, resolved, when a build may replace it, or a
// *Refusal when it is, holds or lies inside the sources of the repository
// at root, or is not a folder, or holds a repository.
func OutFolder(root, out string) (string, error) {
	target, err := Outside(root, out, "folder keluaran")
	if err != nil {
		return "", err
	}
	info, err := os.Lstat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return target, nil
	case err != nil:
		return "", err
	case info.Mode()&fs.ModeSymlink != 0:
		return "", &Refusal{Msg: fmt.Sprintf("folder keluaran %q adalah tautan simbolik ke sesuatu yang tidak ada; hapus tautan itu atau pilih folder lain, mis. --out public", out)}
	case !info.IsDir():
		return "", &Refusal{Msg: fmt.Sprintf("%q adalah berkas, bukan folder; build akan menggantinya dengan folder. Pilih nama folder, mis. --out public", out)}
	}
	for _, sign := range RepoSigns {
		if _, err := os.Lstat(filepath.Join(target, sign)); err == nil {
			return "", &Refusal{Msg: fmt.Sprintf("folder keluaran %q berisi %s, jadi memuat sebuah repositori yang akan terhapus; %s", out, sign, hint)}
		}
	}
	return target, nil
}

// Outside returns out, resolved, when it neither is, holds nor lies inside
// the sources of the repository at root, or a *Refusal that calls it what
// (e.g. "folder keluaran").
func Outside(root, out, what string) (string, error) {
	absRoot, err := Resolve(root)
	if err != nil {
		return "", err
	}
	target, err := Resolve(out)
	if err != nil {
		return "", err
	}
	guarded := protected(absRoot)
	// The repository, or a folder that holds it.
	for _, g := range append([]string{absRoot}, guarded.gitDirs...) {
		for a := g; ; a = filepath.Dir(a) {
			if same(a, target) {
				holds := "repositori " + absRoot
				if g != absRoot {
					holds = "folder git " + g
				}
				return "", &Refusal{Msg: fmt.Sprintf("%s %q berisi %s, yang akan terhapus karena build mengganti seluruh isinya. %s", what, out, holds, capital(hint))}
			}
			if filepath.Dir(a) == a {
				break
			}
		}
	}
	// A source, or a folder inside one.
	for a := target; ; a = filepath.Dir(a) {
		for _, p := range guarded.paths {
			if same(a, p) {
				return "", &Refusal{Msg: fmt.Sprintf("%s %q %s %s, bagian dari sumber situs yang akan terhapus atau tertimpa. %s", what, out, isOrIn(a, target), display(absRoot, p), capital(hint))}
			}
		}
		if filepath.Dir(a) == a {
			break
		}
	}
	// The same by name, for sources that do not exist (yet) and for names
	// that differ only in case.
	if rel, err := filepath.Rel(absRoot, target); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		for _, name := range guarded.names {
			if strings.EqualFold(first, name) {
				return "", &Refusal{Msg: fmt.Sprintf("%s %q %s %s, bagian dari sumber situs yang akan terhapus atau tertimpa. %s", what, out, isOrIn(filepath.Join(absRoot, first), target), name, capital(hint))}
			}
		}
	}
	return target, nil
}

// guarded are the sources of one repository.
type guarded struct {
	names   []string // top-level names, tracked or known
	paths   []string // their absolute paths that exist
	gitDirs []string // git folders outside the repository folder
}

// protected lists the sources of the repository at root (absolute and
// resolved).
func protected(root string) guarded {
	g := guarded{names: slices.Clone(Names)}
	if out, err := git(root, "ls-files", "-z", "--cached"); err == nil {
		for _, f := range strings.Split(out, "\x00") {
			first, _, _ := strings.Cut(f, "/")
			if first != "" && !slices.Contains(g.names, first) {
				g.names = append(g.names, first)
			}
		}
	}
	if out, err := git(root, "rev-parse", "--absolute-git-dir", "--git-common-dir"); err == nil {
		for _, d := range strings.Split(strings.TrimSpace(out), "\n") {
			if !filepath.IsAbs(d) {
				d = filepath.Join(root, d)
			}
			if r, err := Resolve(d); err == nil && !slices.Contains(g.gitDirs, r) {
				g.gitDirs = append(g.gitDirs, r)
				g.paths = append(g.paths, r)
			}
		}
	}
	for _, name := range g.names {
		p := filepath.Join(root, name)
		if _, err := os.Lstat(p); err == nil {
			g.paths = append(g.paths, p)
		}
	}
	return g
}

// git runs git in dir and returns what it printed.
func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	err := cmd.Run()
	return stdout.String(), err
}

// Resolve makes p absolute and resolves every symbolic link and ".." in
// it the way the system does when the path is used: a ".." after a link
// goes up from where the link points. The part of p that does not exist
// yet is joined as written.
func Resolve(p string) (string, error) {
	if !filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		// Not filepath.Join, which would clean "link/.." away before the
		// link is followed.
		p = wd + string(filepath.Separator) + p
	}
	rest := ""
	for existing := p; ; {
		r, err := filepath.EvalSymlinks(existing)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent, last := splitLast(existing)
		if parent == existing {
			return filepath.Clean(p), nil
		}
		rest = filepath.Join(last, rest)
		existing = parent
	}
}

// splitLast splits p before its last element without cleaning it, so that
// the ".." elements are left for EvalSymlinks to follow.
func splitLast(p string) (parent, last string) {
	p = strings.TrimRight(p, string(filepath.Separator))
	i := strings.LastIndexByte(p, filepath.Separator)
	if i <= 0 {
		return string(filepath.Separator), p[i+1:]
	}
	return p[:i], p[i+1:]
}

// same reports whether a and b are the same folder or file on disk.
func same(a, b string) bool {
	if a == b {
		return true
	}
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}

// isOrIn says whether the output folder is the source itself or inside it.
func isOrIn(source, target string) string {
	if same(source, target) {
		return "adalah"
	}
	return "berada di dalam"
}

// display names p relative to the repository when it is in it.
func display(root, p string) string {
	if rel, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return p
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
