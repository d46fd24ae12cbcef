package render

import (
	"net/url"
	"strings"
)

// EditURL returns the address where the current page's source file can be
// edited on the repository's web editor (GitHub's URL scheme), or "" when
// sites.yaml names no repo or the page has no source file.
func (v *View) EditURL() string { return v.repoURL("edit") }

// HistoryURL returns the address of the current page's source file's
// change history, or "" as EditURL does.
func (v *View) HistoryURL() string { return v.repoURL("commits") }

func (v *View) repoURL(action string) string {
	if v.City == nil || v.City.Repo == "" || v.Page == nil || v.Page.Path == "" {
		return ""
	}
	branch := v.City.Branch
	if branch == "" {
		branch = "main"
	}
	segs := strings.Split(v.Page.Path, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.TrimSuffix(v.City.Repo, "/") + "/" + action + "/" + url.PathEscape(branch) + "/" + strings.Join(segs, "/")
}
