package main

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/pipeline"
)

var listMessages = flag.Bool("list-messages", false, "print the message templates found in the code")

// guide is the volunteers' guide and catalogue the meaning of every
// message, which the guide links to. They sit beside the site folders,
// where GitHub shows the guide under the file list, and are never
// published: the build reads only folders under content/.
const (
	guide     = "../../content/README.md"
	catalogue = "../../content/PESAN.md"
)

// TestGuideLinksCatalogue keeps the guide what a volunteer reads on a
// phone in five minutes: short, without the catalogue's entries, and
// linking to the catalogue.
func TestGuideLinksCatalogue(t *testing.T) {
	data, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if !strings.Contains(text, "](PESAN.md)") {
		t.Errorf("%s does not link to the message catalogue (PESAN.md)", guide)
	}
	if strings.Contains(text, "\n#### ") {
		t.Errorf("%s holds message entries; they belong in %s", guide, catalogue)
	}
	// About 1,000 words: five minutes at a phone reader's pace.
	if words := len(strings.Fields(text)); words > 1500 {
		t.Errorf("%s has %d words; keep it under 1,500 and move detail to %s", guide, words, catalogue)
	}
}

// TestGuideCoversEveryMessage finds every message the pipeline can report
// (the message argument of every call that records a problem) in the
// source, and requires an entry for each in the catalogue, written as the
// message with "…" where a value goes.
func TestGuideCoversEveryMessage(t *testing.T) {
	templates := messageTemplates(t, "../../generator", "../../cmd/kimsite")
	if len(templates) < 50 {
		t.Fatalf("found only %d message templates; the extractor is broken", len(templates))
	}
	data, err := os.ReadFile(catalogue)
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, l := range strings.Split(string(data), "\n") {
		if h, ok := strings.CutPrefix(l, "#### "); ok {
			headings = append(headings, strings.Trim(h, "`"))
		}
	}
	for _, h := range headings {
		if !slices.Contains(templates, h) {
			t.Errorf("%s has an entry for a message the code no longer has: %s", catalogue, h)
		}
	}
	for _, tmpl := range templates {
		if *listMessages {
			t.Log(tmpl)
		}
		if !slices.Contains(headings, tmpl) {
			t.Errorf("%s has no entry for: #### `%s`", catalogue, tmpl)
		}
	}
}

// TestGuideNotPublished builds the sample sites, the guide and the
// catalogue beside them, and expects no trace of either in the output.
func TestGuideNotPublished(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	_, problems, err := pipeline.Run(pipeline.Options{Root: "../..", Out: out})
	if err != nil || problems.Errors() > 0 {
		t.Fatalf("build: %v\n%v", err, problems)
	}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		lower := strings.ToLower(p)
		if strings.Contains(lower, "readme") || strings.Contains(lower, "panduan") || strings.HasPrefix(strings.ToLower(d.Name()), "pesan") {
			t.Errorf("the guide was published: %s", p)
		}
		return nil
	})
}

// messageTemplates parses the Go files under dirs and returns the sorted
// templates of every problem message.
func messageTemplates(t *testing.T, dirs ...string) []string {
	t.Helper()
	ix := &index{fset: token.NewFileSet(), funcs: map[string][]*ast.FuncDecl{}, errs: map[string]string{}}
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(ix.fset, p, nil, 0)
			if err != nil {
				return err
			}
			ix.files = append(ix.files, f)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	ix.collect()
	found := map[string]bool{}
	for _, f := range ix.files {
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if i, ok := ix.reporter(fn, call); ok && i < len(call.Args) {
					for _, tmpl := range ix.templates(fn, call.Args[i], 0) {
						found[tmpl] = true
					}
				}
				return true
			})
		}
	}
	var out []string
	for tmpl := range found {
		out = append(out, tmpl)
	}
	slices.Sort(out)
	return out
}

type index struct {
	fset      *token.FileSet
	files     []*ast.File
	funcs     map[string][]*ast.FuncDecl // by name
	errs      map[string]string          // package-level errors.New vars → text
	reporters map[string]int             // functions that record a problem → index of the message; ".name" for calls through a selector
	closures  map[*ast.FuncDecl]map[string]int
}

// collect finds the functions that record problems: those with a
// parameter named msg or message followed by one named hint (diag.List's
// Add and Warn, the decoder's add, the link checker's report closure).
// Methods are matched only in calls through a selector, closures only in
// the function that defines them, so that other functions of the same
// name do not count.
func (ix *index) collect() {
	ix.reporters = map[string]int{}
	ix.closures = map[*ast.FuncDecl]map[string]int{}
	msgIndex := func(ft *ast.FuncType) (int, bool) {
		var names []string
		for _, field := range ft.Params.List {
			for _, n := range field.Names {
				names = append(names, n.Name)
			}
		}
		for i, n := range names {
			if (n == "msg" || n == "message") && i+1 < len(names) && names[i+1] == "hint" {
				return i, true
			}
		}
		return 0, false
	}
	for _, f := range ix.files {
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				ix.funcs[d.Name.Name] = append(ix.funcs[d.Name.Name], d)
				if i, ok := msgIndex(d.Type); ok {
					ix.reporters["."+d.Name.Name] = i
					if d.Recv == nil {
						ix.reporters[d.Name.Name] = i
					}
				}
				if d.Body == nil {
					continue
				}
				ast.Inspect(d.Body, func(n ast.Node) bool {
					if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 {
						lit, ok1 := as.Rhs[0].(*ast.FuncLit)
						id, ok2 := as.Lhs[0].(*ast.Ident)
						if !ok1 || !ok2 {
							return true
						}
						if i, ok := msgIndex(lit.Type); ok {
							if ix.closures[d] == nil {
								ix.closures[d] = map[string]int{}
							}
							ix.closures[d][id.Name] = i
						}
					}
					return true
				})
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					vs, ok := spec.(*ast.ValueSpec)
					if !ok {
						continue
					}
					for i, v := range vs.Values {
						if call, ok := v.(*ast.CallExpr); ok && calleeName(call.Fun) == "New" && len(call.Args) == 1 {
							if s, ok := stringLit(call.Args[0]); ok {
								ix.errs[vs.Names[i].Name] = s
							}
						}
					}
				}
			}
		}
	}
}

// reporter returns the index of the message argument when call records a
// problem.
func (ix *index) reporter(fn *ast.FuncDecl, call *ast.CallExpr) (int, bool) {
	switch f := call.Fun.(type) {
	case *ast.Ident:
		if i, ok := ix.closures[fn][f.Name]; ok {
			return i, true
		}
		i, ok := ix.reporters[f.Name]
		return i, ok
	case *ast.SelectorExpr:
		i, ok := ix.reporters["."+f.Sel.Name]
		return i, ok
	}
	return 0, false
}

func calleeName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`)

// normalize writes a format string as the guide does: "…" for each value,
// in quotes where %q puts them.
func normalize(format string) string {
	return verb.ReplaceAllStringFunc(format, func(v string) string {
		if strings.HasSuffix(v, "q") {
			return `"…"`
		}
		return "…"
	})
}

// templates returns the message templates an expression can produce,
// within the function fn: literals, fmt.Sprintf formats, concatenations,
// local variables, calls to the module's functions, and err.Error() of the
// module's sentinel errors.
func (ix *index) templates(fn *ast.FuncDecl, e ast.Expr, depth int) []string {
	if depth > 4 {
		return nil
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		if s, ok := stringLit(e); ok {
			return []string{normalize(s)}
		}
	case *ast.ParenExpr:
		return ix.templates(fn, e.X, depth)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return nil
		}
		left, right := ix.templates(fn, e.X, depth), ix.templates(fn, e.Y, depth)
		if len(left) == 0 {
			left = []string{"…"}
		}
		if len(right) == 0 {
			right = []string{"…"}
		}
		var out []string
		for _, l := range left {
			for _, r := range right {
				out = append(out, l+r)
			}
		}
		return out
	case *ast.CallExpr:
		name := calleeName(e.Fun)
		if name == "Sprintf" && len(e.Args) > 0 {
			return ix.templates(fn, e.Args[0], depth)
		}
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && name == "Error" && len(e.Args) == 0 {
			if id, ok := sel.X.(*ast.Ident); ok {
				return ix.errorTexts(fn, id.Name, depth)
			}
		}
		var out []string
		for _, callee := range ix.funcs[name] {
			out = append(out, ix.results(callee, 0, depth+1)...)
		}
		return out
	case *ast.Ident:
		var out []string
		ix.assignments(fn, e.Name, func(rhs ast.Expr, index int, multi bool) {
			if !multi {
				out = append(out, ix.templates(fn, rhs, depth+1)...)
				return
			}
			if call, ok := rhs.(*ast.CallExpr); ok {
				for _, callee := range ix.funcs[calleeName(call.Fun)] {
					out = append(out, ix.results(callee, index, depth+1)...)
				}
			}
		})
		return out
	}
	return nil
}

// assignments calls f for each plain assignment (= or :=) to name in fn.
func (ix *index) assignments(fn *ast.FuncDecl, name string, f func(rhs ast.Expr, index int, multi bool)) {
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) {
			return true
		}
		for i, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && id.Name == name {
				if len(as.Rhs) == len(as.Lhs) {
					f(as.Rhs[i], i, false)
				} else if len(as.Rhs) == 1 {
					f(as.Rhs[0], i, true)
				}
			}
		}
		return true
	})
}

// results returns the templates of the index-th result of fn's returns.
func (ix *index) results(fn *ast.FuncDecl, index, depth int) []string {
	if fn.Body == nil || depth > 4 {
		return nil
	}
	var out []string
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if r, ok := n.(*ast.ReturnStmt); ok && index < len(r.Results) {
			out = append(out, ix.templates(fn, r.Results[index], depth)...)
		}
		return true
	})
	return out
}

// errorTexts returns the texts of the sentinel errors that the error
// variable name can hold in fn: those returned by the call it was
// assigned from.
func (ix *index) errorTexts(fn *ast.FuncDecl, name string, depth int) []string {
	var out []string
	ix.assignments(fn, name, func(rhs ast.Expr, index int, multi bool) {
		call, ok := rhs.(*ast.CallExpr)
		if !ok {
			return
		}
		for _, callee := range ix.funcs[calleeName(call.Fun)] {
			ast.Inspect(callee.Body, func(n ast.Node) bool {
				if r, ok := n.(*ast.ReturnStmt); ok && index < len(r.Results) {
					if id, ok := r.Results[index].(*ast.Ident); ok {
						if text, ok := ix.errs[id.Name]; ok {
							out = append(out, text)
						}
					}
				}
				return true
			})
		}
	})
	return out
}
