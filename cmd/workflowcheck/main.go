// Command workflowcheck checks the token permissions of GitHub Actions
// workflows: every job must name its permissions, and they must be exactly
// what its steps' actions need, no less (the step fails on GitHub, as
// configure-pages does with "Get Pages site failed" when the token cannot
// read Pages) and no more (a compromised step could use them).
//
//	go run ./cmd/workflowcheck .github/workflows/*.yml
//
// It takes workflow files and prints each problem as path:line: message,
// exiting 1 when there is any. .ci/actionlint runs it. What each action
// needs is the table Needs; an action missing from it is a problem too, so
// that adding one means deciding its permissions.
package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kotamalang/kimsite/generator/diag"
)

// Level is a permission level of the GITHUB_TOKEN.
type Level int

// The levels, in order.
const (
	None Level = iota
	Read
	Write
)

func (l Level) String() string { return [...]string{"none", "read", "write"}[l] }

// Needs is what each action needs of the job's token, by owner/repo[/path]
// without the version. Sources: each action's README and action.yml.
var Needs = map[string]map[string]Level{
	// Fetches the repository: contents read (a private repository needs
	// it; a public one is read anyway, and read is all it should get).
	"actions/checkout": {"contents": Read},
	// Reads the Pages site (GET /repos/{repo}/pages) for its address:
	// pages read. It does not need pages write unless asked to enable
	// Pages, which the GITHUB_TOKEN cannot do at all.
	"actions/configure-pages": {"pages": Read},
	// Creates the deployment (pages write) after proving the run's
	// identity with an OIDC token (id-token write).
	"actions/deploy-pages": {"pages": Write, "id-token": Write},
	// Uploads an artifact of this run: the runtime token, no permission.
	"actions/upload-pages-artifact": {},
	"actions/upload-artifact":       {},
	"actions/download-artifact":     {},
	"actions/setup-go":              {},
	"actions/cache":                 {},
	"actions/cache/restore":         {},
	"actions/cache/save":            {},
}

// scopes are the permission keys GitHub knows.
var scopes = []string{"actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token",
	"issues", "models", "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses"}

func main() { os.Exit(run(os.Args[1:], os.Stdout)) }

func run(files []string, w io.Writer) int {
	if len(files) == 0 {
		fmt.Fprintln(w, "pemakaian: workflowcheck BERKAS.yml...")
		return 2
	}
	var problems diag.List
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			problems.Add(f, 0, "berkas tidak dapat dibaca", err.Error())
			continue
		}
		problems.Append(Check(f, data))
	}
	for _, p := range problems {
		fmt.Fprintln(w, p.String())
	}
	if len(problems) > 0 {
		return 1
	}
	return 0
}

// Check checks one workflow's jobs.
func Check(file string, data []byte) diag.List {
	var problems diag.List
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		problems.Add(file, 0, "workflow tidak dapat dibaca sebagai YAML", fmt.Sprint(err))
		return problems
	}
	root := doc.Content[0]
	top, topSet := permissions(file, get(root, "permissions"), &problems)
	jobs := get(root, "jobs")
	if jobs == nil || jobs.Kind != yaml.MappingNode {
		return problems
	}
	for i := 0; i+1 < len(jobs.Content); i += 2 {
		name, job := jobs.Content[i].Value, jobs.Content[i+1]
		if get(job, "uses") != nil {
			continue // a reusable workflow declares its own
		}
		granted, set := permissions(file, get(job, "permissions"), &problems)
		line := jobs.Content[i].Line
		if key := getKey(job, "permissions"); key != nil {
			line = key.Line
		}
		if !set {
			if !topSet {
				problems.Add(file, jobs.Content[i].Line, fmt.Sprintf("job %q tidak menyebut permissions, dan workflow-nya juga tidak", name),
					"Tanpa itu token mendapat bawaan repositori, yang bisa write-all. Tulis permissions: di job ini.")
				continue
			}
			granted = top
		}
		checkJob(file, name, line, job, granted, &problems)
	}
	return problems
}

// checkJob compares what the job's steps need with what it is granted.
func checkJob(file, name string, line int, job *yaml.Node, granted map[string]Level, problems *diag.List) {
	needed := map[string]Level{}
	usesToken := false
	steps := get(job, "steps")
	if steps != nil {
		for _, step := range steps.Content {
			if run := get(step, "run"); run != nil && (strings.Contains(run.Value, "github.token") || strings.Contains(run.Value, "GITHUB_TOKEN")) {
				usesToken = true // a script calling the API: its needs cannot be read here
			}
			if env := get(step, "env"); env != nil {
				for _, v := range env.Content {
					if strings.Contains(v.Value, "github.token") || strings.Contains(v.Value, "secrets.GITHUB_TOKEN") {
						usesToken = true
					}
				}
			}
			uses := get(step, "uses")
			if uses == nil {
				continue
			}
			action, _, _ := strings.Cut(uses.Value, "@")
			if strings.HasPrefix(action, "./") || strings.HasPrefix(action, "docker://") {
				continue
			}
			need, known := Needs[action]
			if !known {
				problems.Add(file, uses.Line, fmt.Sprintf("job %q memakai %s, yang kebutuhan izinnya belum dicatat", name, action),
					"Baca README action itu, lalu tambahkan ke tabel Needs di cmd/workflowcheck.")
				continue
			}
			if action == "actions/configure-pages" {
				if with := get(step, "with"); with != nil {
					if e := get(with, "enablement"); e != nil && e.Value == "true" {
						problems.Add(file, e.Line, "configure-pages dengan enablement: true perlu token admin, bukan GITHUB_TOKEN",
							"Aktifkan Pages sekali di Settings → Pages (sumber: GitHub Actions), lalu hapus enablement.")
					}
				}
			}
			for _, scope := range slices.Sorted(maps.Keys(need)) {
				level := need[scope]
				if granted[scope] < level {
					problems.Add(file, uses.Line, fmt.Sprintf("job %q memakai %s, yang perlu %s: %s, tetapi job ini hanya punya %s: %s", name, action, scope, level, scope, granted[scope]),
						fmt.Sprintf("Tambahkan \"%s: %s\" di permissions job %q.", scope, level, name))
				}
				needed[scope] = max(needed[scope], level)
			}
		}
	}
	if usesToken || len(granted) == len(scopes) {
		return // a script's needs cannot be read; read-all/write-all is reported already
	}
	var extra []string
	for scope, level := range granted {
		if level > needed[scope] {
			extra = append(extra, fmt.Sprintf("%s: %s", scope, level))
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		problems.Add(file, line, fmt.Sprintf("job %q diberi izin yang tidak dipakai langkah-langkahnya: %s", name, strings.Join(extra, ", ")),
			"Kurangi ke yang diperlukan saja (lihat tabel Needs di cmd/workflowcheck).")
	}
}

// permissions reads a permissions: value; set is false when there is none.
func permissions(file string, n *yaml.Node, problems *diag.List) (granted map[string]Level, set bool) {
	granted = map[string]Level{}
	if n == nil {
		return granted, false
	}
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Value {
		case "read-all", "write-all":
			problems.Add(file, n.Line, fmt.Sprintf("permissions: %s memberi semua izin sekaligus", n.Value), "Sebut satu per satu yang diperlukan, mis. contents: read.")
			level := Read
			if n.Value == "write-all" {
				level = Write
			}
			for _, s := range scopes {
				granted[s] = level
			}
		default:
			problems.Add(file, n.Line, fmt.Sprintf("permissions %q tidak dikenal", n.Value), "Tulis pasangan izin, mis. contents: read, atau {}.")
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if !slices.Contains(scopes, k.Value) {
				problems.Add(file, k.Line, fmt.Sprintf("izin %q tidak dikenal GitHub", k.Value), "Yang dikenal: "+strings.Join(scopes, ", ")+".")
				continue
			}
			switch v.Value {
			case "none":
				granted[k.Value] = None
			case "read":
				granted[k.Value] = Read
			case "write":
				granted[k.Value] = Write
			default:
				problems.Add(file, v.Line, fmt.Sprintf("tingkat izin %q tidak dikenal untuk %s", v.Value, k.Value), "Pilih read, write atau none.")
			}
		}
	default:
		problems.Add(file, n.Line, "permissions harus berupa pasangan izin", "Mis. contents: read.")
	}
	return granted, true
}

// getKey returns the key node of key in a mapping node, or nil.
func getKey(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i]
		}
	}
	return nil
}

// get returns the value of key in a mapping node, or nil.
func get(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
