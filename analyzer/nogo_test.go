package analyzer_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// Bazel cannot run on these machines, so the support for rules_go's nogo
// is tested with what nogo does, rebuilt by hand from its source
// (go/tools/builders/nogo_main.go): it parses the package's files itself,
// type-checks them against the export data of the dependencies, with a
// types.Info holding only Types, Uses, Defs, Implicits, Scopes, Selections
// and Instances, and gives the analyzer a Pass with Fset, Files, Pkg,
// TypesInfo, TypesSizes, ResultOf and Report (and the fact functions,
// which spanattrlint does not use) set: no ReadFile, OtherFiles,
// IgnoredFiles or Module.

// nogoPackage is a package loaded the way nogo loads it.
type nogoPackage struct {
	fset  *token.FileSet
	files []*ast.File
	pkg   *types.Package
	info  *types.Info
}

// exportImporter imports packages from the export data that the go
// command writes (nogo reads the same data from Bazel's archives).
type exportImporter struct {
	fset    *token.FileSet
	exports map[string]string // import path -> export data file
	cache   map[string]*types.Package
}

func (imp *exportImporter) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if p, ok := imp.cache[path]; ok && p.Complete() {
		return p, nil
	}
	file, ok := imp.exports[path]
	if !ok {
		return nil, fmt.Errorf("could not import %q", path)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, err
	}
	return gcexportdata.Read(r, imp.fset, imp.cache, path)
}

// exportData lists the export data files of the patterns' packages and of
// all their dependencies, built by the go command in the module in dir.
func exportData(t testing.TB, dir string, patterns ...string) (map[string]string, []*packages.Package) {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedExportFile,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("%v do not load", patterns)
	}
	exports := map[string]string{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.ExportFile != "" {
			exports[p.PkgPath] = p.ExportFile
		}
	})
	return exports, pkgs
}

// loadNogo parses and type-checks files as the package path, as nogo does.
func loadNogo(t testing.TB, path string, files []string, exports map[string]string) *nogoPackage {
	t.Helper()
	fset := token.NewFileSet()
	np := &nogoPackage{fset: fset}
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		np.files = append(np.files, f)
	}
	np.info = &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Uses:       make(map[*ast.Ident]types.Object),
		Defs:       make(map[*ast.Ident]types.Object),
		Implicits:  make(map[ast.Node]types.Object),
		Scopes:     make(map[ast.Node]*types.Scope),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Instances:  make(map[*ast.Ident]types.Instance),
	}
	conf := types.Config{Importer: &exportImporter{fset: fset, exports: exports, cache: map[string]*types.Package{}}}
	pkg, err := conf.Check(path, fset, np.files, np.info)
	if err != nil {
		t.Fatalf("type-checking %s: %v", path, err)
	}
	np.pkg = pkg
	return np
}

// runNogo runs the analyzer on the package with a Pass that sets only
// what nogo sets. A panic is returned as an error, as nogo reports it.
func runNogo(a *analysis.Analyzer, np *nogoPackage) (diags []analysis.Diagnostic, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	newPass := func(a *analysis.Analyzer, resultOf map[*analysis.Analyzer]any) *analysis.Pass {
		return &analysis.Pass{
			Analyzer:   a,
			Fset:       np.fset,
			Files:      np.files,
			Pkg:        np.pkg,
			TypesInfo:  np.info,
			TypesSizes: types.SizesFor("gc", runtime.GOARCH),
			ResultOf:   resultOf,
			Report:     func(d analysis.Diagnostic) { diags = append(diags, d) },
		}
	}
	insp, err := inspect.Analyzer.Run(newPass(inspect.Analyzer, nil))
	if err != nil {
		return nil, err
	}
	diags = nil
	_, err = a.Run(newPass(a, map[*analysis.Analyzer]any{inspect.Analyzer: insp}))
	return diags, err
}

// describe renders diagnostics with their positions and fixes, in order.
func describe(fset *token.FileSet, diags []analysis.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		s := fmt.Sprintf("%s: [%s] %s", fset.Position(d.Pos), d.Category, d.Message)
		for _, f := range d.SuggestedFixes {
			s += "\n\tfix " + f.Message
			var edits []string // the checker sorts a fix's edits
			for _, e := range f.TextEdits {
				tf := fset.File(e.Pos)
				edits = append(edits, fmt.Sprintf("\n\t\t%s:%06d-%06d %q", filepath.Base(tf.Name()), tf.Offset(e.Pos), tf.Offset(e.End), e.NewText))
			}
			slices.Sort(edits)
			s += strings.Join(edits, "")
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// TestNogoSameFindings runs the analyzer on testdata packages under a
// nogo-like Pass and checks that it reports what analysistest reports for
// the same package: same positions, messages and fixes, no panic (the
// //nolint case needs the file's source, which nogo's Pass cannot read).
func TestNogoSameFindings(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds export data")
	}
	cases := []struct {
		pkg   string
		cfg   analyzer.Config
		none  bool              // analysistest reports nothing
		flags map[string]string // nogo's analyzer_flags for cfg
	}{
		{"nolint", analyzer.Config{}, false, nil},
		{"positions", analyzer.Config{}, false, nil},
		{"zeroconfig", analyzer.Config{}, false, nil},
		{"configured", analyzer.Config{Constants: []string{tracingPkg}}, false, map[string]string{"constants": tracingPkg}},
		{"generated", analyzer.Config{}, true, nil},
		{"aliases", analyzer.Config{}, false, nil},
		{"semconvfix", analyzer.Config{}, false, nil},
		{"semconvhint", analyzer.Config{}, false, nil},
		{"spannames", analyzer.Config{SpanNames: true}, false, map[string]string{"span-names": "true"}},
		{"deprecated", analyzer.Config{}, false, nil},
		{"naming", analyzer.Config{}, false, nil},
	}
	var patterns []string
	for _, c := range cases {
		patterns = append(patterns, "example.com/app/"+c.pkg)
	}
	exports, pkgs := exportData(t, testdata, patterns...)
	goFiles := map[string][]string{}
	for _, p := range pkgs {
		goFiles[p.PkgPath] = p.GoFiles
	}
	for _, c := range cases {
		t.Run(c.pkg, func(t *testing.T) {
			path := "example.com/app/" + c.pkg
			var want []string
			// The results of TestAnalyzer's run, which checks them.
			for _, r := range run(app(c.pkg, c.cfg)).of(path) {
				if r.Action.Package.ID == path {
					want = describe(r.Action.Package.Fset, r.Diagnostics)
				}
			}
			if len(want) == 0 && !c.none {
				t.Fatalf("analysistest reports nothing for %s: the case does not test anything", path)
			}
			np := loadNogo(t, path, goFiles[path], exports)
			// nogo sets the flags of the registered analyzer.
			a := analyzer.New(analyzer.Config{})
			for name, value := range c.flags {
				if err := a.Flags.Set(name, value); err != nil {
					t.Fatal(err)
				}
			}
			diags, err := runNogo(a, np)
			if err != nil {
				t.Fatalf("under nogo: %v", err)
			}
			if got := describe(np.fset, diags); !slices.Equal(got, want) {
				t.Errorf("under nogo:\n%s\nwant, as analysistest reports:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestNogoConstantsNeedModule checks that -constants, where neither a
// go.mod nor the driver tells the module (Bazel's sandbox), fails with one
// line that says so, and does not panic.
func TestNogoConstantsNeedModule(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds export data")
	}
	const path = "example.com/app/configured"
	exports, pkgs := exportData(t, testdata, path)
	// The sandbox: the package's files, and no go.mod above them.
	dir := t.TempDir()
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			t.Skipf("%s is inside a module", dir)
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	var files []string
	for _, name := range pkgs[0].GoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		copied := filepath.Join(dir, filepath.Base(name))
		if err := os.WriteFile(copied, src, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, copied)
	}
	np := loadNogo(t, path, files, exports)
	_, err := runNogo(analyzer.New(analyzer.Config{Constants: []string{tracingPkg}}), np)
	var cerr *analyzer.ConfigError
	switch {
	case err == nil:
		t.Fatal("no error: -constants cannot have been resolved without a module")
	case !errors.As(err, &cerr):
		t.Fatalf("error %v (%T), want a ConfigError", err, err)
	case strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "-constants needs module information (a go.mod)"):
		t.Fatalf("error %q, want one line saying that -constants needs module information", err)
	}

	// Without -constants the same package is analysed.
	diags, err := runNogo(analyzer.New(analyzer.Config{}), np)
	if err != nil || len(diags) == 0 {
		t.Fatalf("without -constants: %d diagnostics, error %v", len(diags), err)
	}
}
