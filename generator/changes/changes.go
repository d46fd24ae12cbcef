// Package changes tells which sites a git change touches, for a build that
// renders only what changed since the last deployment.
//
// Since takes the repository folder and a git revision and gives every file
// that differs from that revision: committed since, staged, unstaged or new
// and untracked. Sites sorts those files: one under content/<id>/ touches
// the site id; one that every page depends on (sites.yaml, the theme, the
// engine, its dependencies) touches every site; anything else (README,
// workflows) touches none, though the portal is always rebuilt.
//
// This package runs git, as does package sources to learn what git
// tracks; the rest of the engine only reads files.
package changes

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strings"
)

// ErrRevision is returned when the revision is not a commit of the
// repository.
var ErrRevision = errors.New("revisi tidak ditemukan")

// Since returns the files of the repository at root that differ from
// revision rev, as slash-separated paths relative to root, sorted.
func Since(root, rev string) ([]string, error) {
	if strings.HasPrefix(rev, "-") { // never let a revision pass as an option
		return nil, fmt.Errorf("%w: %q", ErrRevision, rev)
	}
	_, err := git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) && exit.ExitCode() == 1 {
		return nil, fmt.Errorf("%w: %q di %s", ErrRevision, rev, root)
	}
	if err != nil { // no git, or root is not in a git repository
		return nil, err
	}
	// --no-renames lists both sides of a move, so that a page moved from
	// one kelurahan to another rebuilds both; --relative keeps the paths
	// relative to root when root is a folder inside the repository.
	changed, err := git(root, "diff", "--name-only", "--no-renames", "--relative", "-z", rev, "--")
	if err != nil {
		return nil, err
	}
	untracked, err := git(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	var files []string
	for _, f := range strings.Split(changed+untracked, "\x00") {
		if f != "" {
			files = append(files, f)
		}
	}
	slices.Sort(files)
	return slices.Compact(files), nil
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s di %s gagal: %w %s", args[0], dir, err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

// Shared are the files and folders that every site's pages are built from:
// a change to any of them rebuilds every site.
var Shared = []string{"sites.yaml", "go.mod", "go.sum", "themes/", "generator/", "cmd/"}

// Sites returns the ids of the sites whose content folders hold one of the
// files, sorted, or all = true when a shared file changed.
func Sites(files []string) (ids []string, all bool) {
	for _, f := range files {
		for _, s := range Shared {
			if f == s || strings.HasSuffix(s, "/") && strings.HasPrefix(f, s) {
				return nil, true
			}
		}
		rest, ok := strings.CutPrefix(f, "content/")
		if id, _, inside := strings.Cut(rest, "/"); ok && inside && id != "" {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), false
}
