package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func workflows(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob("../../.github/workflows/*.yml")
	if err != nil || len(files) < 3 {
		t.Fatalf("workflows: %v %v", files, err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = data
	}
	return out
}

// TestRealWorkflowsPass: the repository's own workflows have exactly the
// permissions their steps need.
func TestRealWorkflowsPass(t *testing.T) {
	for name, data := range workflows(t) {
		if problems := Check(name, data); len(problems) > 0 {
			t.Errorf("%s:\n%v", name, problems)
		}
	}
}

// TestBrokenCopiesFail breaks a copy of each real workflow in each way a
// deployment fails on GitHub (or grants too much) and expects the check to
// say so at the right line.
func TestBrokenCopiesFail(t *testing.T) {
	all := workflows(t)
	for _, tc := range []struct {
		name, file, old, new string
		want                 string // in the problem
		wantLine             string // the problem's line holds this text
	}{
		{"configure-pages without pages read (the \"Get Pages site failed\" setup)", "deploy.yml",
			"      contents: read\n      # configure-pages reads the Pages site (its address) with the token.\n      pages: read\n", "      contents: read\n",
			"actions/configure-pages, yang perlu pages: read", "uses: actions/configure-pages"},
		{"configure-pages inheriting only contents: read from the workflow", "deploy.yml",
			"permissions: {}\n", "permissions:\n  contents: read\n",
			"", ""}, // harmless here: every job names its own; checked below instead
		{"deploy-pages without id-token", "deploy.yml",
			"      pages: write\n      id-token: write\n", "      pages: write\n",
			"actions/deploy-pages, yang perlu id-token: write", "uses: actions/deploy-pages"},
		{"deploy-pages with pages read only", "deploy.yml",
			"      pages: write\n      id-token: write\n", "      pages: read\n      id-token: write\n",
			"perlu pages: write, tetapi job ini hanya punya pages: read", "uses: actions/deploy-pages"},
		{"deploy-pages in a job with no permissions at all", "deploy.yml",
			"    permissions:\n      pages: write\n      id-token: write\n", "",
			"actions/deploy-pages, yang perlu id-token: write", "uses: actions/deploy-pages"},
		{"sharded plan without pages read", "deploy-sharded.yml",
			"      # configure-pages reads the Pages site (its address) with the token.\n      pages: read\n", "      {}\n",
			"actions/configure-pages, yang perlu pages: read", "uses: actions/configure-pages"},
		{"sharded assemble without contents read for its checkout", "deploy-sharded.yml",
			"    permissions:\n      contents: read\n    outputs:\n      fingerprint:", "    permissions: {}\n    outputs:\n      fingerprint:",
			"actions/checkout, yang perlu contents: read", "uses: actions/checkout"},
		{"more than needed", "pr.yml",
			"    permissions:\n      contents: read\n", "    permissions:\n      contents: write\n      pages: write\n",
			"tidak dipakai langkah-langkahnya: contents: write, pages: write", "permissions:"},
		{"write-all", "pr.yml",
			"    permissions:\n      contents: read\n", "    permissions: write-all\n",
			"memberi semua izin sekaligus", "permissions: write-all"},
		{"an action nobody has looked at", "pr.yml",
			"      - name: Unggah pratinjau\n", "      - uses: someone/deploy-everything@0123456789012345678901234567890123456789 # v1\n      - name: Unggah pratinjau\n",
			"someone/deploy-everything, yang kebutuhan izinnya belum dicatat", "someone/deploy-everything"},
		{"configure-pages asked to enable Pages", "deploy.yml",
			"        uses: actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b # v5.0.0\n", "        uses: actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b # v5.0.0\n        with:\n          enablement: true\n",
			"enablement: true perlu token admin", "enablement: true"},
		{"a scope GitHub does not have", "pr.yml",
			"    permissions:\n      contents: read\n", "    permissions:\n      contents: read\n      page: read\n",
			`izin "page" tidak dikenal`, "page: read"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := string(all[tc.file])
			if strings.Count(src, tc.old) != 1 {
				t.Fatalf("%s no longer holds the text to break exactly once:\n%s", tc.file, tc.old)
			}
			broken := strings.Replace(src, tc.old, tc.new, 1)
			problems := Check(tc.file, []byte(broken))
			if tc.want == "" {
				if len(problems) > 0 {
					t.Errorf("unexpected: %v", problems)
				}
				return
			}
			// Removing a whole block may break two scopes at once.
			if len(problems) < 1 || len(problems) > 2 {
				t.Fatalf("want a problem with %q, got %d:\n%v", tc.want, len(problems), problems)
			}
			p := problems[0]
			if !strings.Contains(p.String(), tc.want) {
				t.Errorf("got %s\nwant %q", p.String(), tc.want)
			}
			lines := strings.Split(broken, "\n")
			if p.Line < 1 || p.Line > len(lines) || !strings.Contains(lines[p.Line-1], tc.wantLine) {
				t.Errorf("problem at line %d, which is not the line with %q", p.Line, tc.wantLine)
			}
		})
	}
}

// TestNoPermissionsAnywhere: a job in a workflow that names permissions
// nowhere gets the repository's default, which may be write-all.
func TestNoPermissionsAnywhere(t *testing.T) {
	src := "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@x\n"
	problems := Check("w.yml", []byte(src))
	if len(problems) != 1 || problems[0].Line != 3 {
		t.Fatalf("got %v", problems)
	}
	// Inherited from the workflow is fine when it is exactly right.
	src = "on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@x\n"
	if problems := Check("w.yml", []byte(src)); len(problems) > 0 {
		t.Fatal(problems)
	}
}

// TestCommand runs the command as .ci/actionlint does, on the real
// workflows and on a broken copy.
func TestCommand(t *testing.T) {
	files, _ := filepath.Glob("../../.github/workflows/*.yml")
	var out bytes.Buffer
	if code := run(files, &out); code != 0 {
		t.Fatalf("exit %d on the real workflows:\n%s", code, out.String())
	}
	broken := filepath.Join(t.TempDir(), "deploy.yml")
	src := strings.Replace(string(workflows(t)["deploy.yml"]), "      id-token: write\n", "", 1)
	os.WriteFile(broken, []byte(src), 0o644)
	out.Reset()
	if code := run(append(files, broken), &out); code != 1 || !strings.Contains(out.String(), broken+":") {
		t.Fatalf("exit %d on a broken copy:\n%s", code, out.String())
	}
}
