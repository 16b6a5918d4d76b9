// Package load loads the packages that the standalone command analyses:
// what packages.Load with packages.LoadSyntax gives, without compiling the
// packages themselves.
//
// go/packages asks the go command for the export data of every package it
// lists (go list -export), which compiles the packages being analysed too,
// only to type-check them from source afterwards. On a package of a few
// megabytes of calls the compile is nearly all of the run (bench/bigpkg.sh).
// Load lists the packages without export data, asks the go command for the
// export data of their dependencies alone, and type-checks the packages
// themselves from source, as go/packages does.
package load

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// ErrFallback is returned when the packages need what only go/packages'
// own load gives (a dependency with errors or whose export data is
// missing, a file that does not parse, whose error the compiler words as
// go build does): the caller loads them with packages.Load instead.
var ErrFallback = errors.New("load: use packages.Load")

// metaMode is what is listed without export data. Not the compiled Go
// files (nor the sizes, which ask for them too): go list -compiled
// computes the build of every package listed to say what cgo makes of
// them, 0.5 of its 1.3 seconds on temporal (394 packages, 1,511 below
// them). Without it a package's compiled files are its Go files, which
// are the same but for cgo: a root that imports "C" is listed again,
// alone, for them (cgoFiles).
const metaMode = packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule

// Syntax loads the packages that patterns match with their syntax, types
// and type information (packages.LoadSyntax | packages.NeedModule), their
// dependencies with their types from export data. cfg's Mode is ignored.
func Syntax(cfg *packages.Config, patterns ...string) ([]*packages.Package, error) {
	meta := *cfg
	meta.Mode = metaMode
	roots, err := packages.Load(&meta, patterns...)
	if err != nil || len(roots) == 0 {
		return roots, err
	}
	sizes, err := typesSizes(cfg)
	if err != nil {
		return nil, err
	}
	// The packages checked from source: the roots, and the test variants
	// among their dependencies (a package recompiled for another's test,
	// "b [a.test]", which imports that test's variant of a: no export
	// data of the go command's holds it, as none names its types).
	src := slices.Clone(roots)
	isSrc := map[*packages.Package]bool{}
	for _, p := range roots {
		isSrc[p] = true
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if !isSrc[p] && strings.Contains(p.ID, " [") {
			isSrc[p] = true
			src = append(src, p)
		}
	})
	for _, p := range src {
		p.TypesSizes = sizes
		p.CompiledGoFiles = p.GoFiles // what go list -compiled says but for cgo (cgoFiles)
	}
	cgoImports, err := listExportData(cfg, src, isSrc)
	if err != nil {
		return nil, err
	}
	l := &loader{fset: token.NewFileSet(), cfg: cfg, cgoImports: cgoImports, view: map[string]*types.Package{}, done: map[*packages.Package]chan struct{}{}}
	l.depOnly = map[*packages.Package]bool{}
	for _, p := range src[len(roots):] {
		l.depOnly[p] = true // checked for its types alone: its syntax and records are let go
	}
	if err := l.check(src, isSrc); err != nil {
		return nil, err
	}
	return roots, nil
}

// listExportData sets the ExportFile of every dependency that a root
// imports directly, and returns the packages that cgo's output imports
// (by path), or ErrFallback where go/packages' own load is needed.
func listExportData(cfg *packages.Config, roots []*packages.Package, isRoot map[*packages.Package]bool) (map[string]*packages.Package, error) {
	// Every dependency that is not a root is looked at, but only those a
	// root imports directly need their export data: the importer reads
	// no other (export data names what it uses of the packages below).
	// Listing the few keeps the list in one go command: go/packages
	// splits a long list of paths into chunks of 16 KB, each its own go
	// list that loads the module graph again (1,511 paths on temporal
	// were four go commands and 4.4 seconds; its 267 direct imports one).
	var deps []*packages.Package
	var fallback bool
	byPath := map[string]*packages.Package{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if isRoot[p] || p.PkgPath == "unsafe" {
			return
		}
		if len(p.Errors) > 0 {
			fallback = true // errors said best by the compile
		}
		byPath[p.PkgPath] = p
	})
	if fallback {
		return nil, ErrFallback
	}
	seen := map[*packages.Package]bool{}
	for _, r := range roots {
		for _, d := range r.Imports {
			if !isRoot[d] && d.PkgPath != "unsafe" && !seen[d] {
				seen[d] = true
				deps = append(deps, d)
			}
		}
	}
	// What cgo's output imports beside the files' own imports, which
	// go list -compiled would have added: listed with the rest (from the
	// build cache, as the toolchain's packages are), and used only if a
	// root turns out to import "C" (cgoFiles); absent without cgo.
	cgoImports := map[string]*packages.Package{}
	for _, path := range []string{"runtime/cgo", "syscall"} {
		d := byPath[path]
		if d == nil {
			d = &packages.Package{ID: path, PkgPath: path}
		}
		cgoImports[path] = d
		if !seen[d] {
			seen[d] = true
			deps = append(deps, d)
		}
	}
	exportFile := map[string]string{}
	if len(deps) > 0 {
		exp := *cfg
		exp.Mode = packages.NeedName | packages.NeedExportFile
		exp.Tests = false
		paths := make([]string, len(deps))
		for i, d := range deps {
			paths[i] = d.PkgPath
		}
		listed, err := packages.Load(&exp, paths...)
		if err != nil {
			return nil, err
		}
		for _, p := range listed {
			exportFile[p.ID] = p.ExportFile
		}
		for _, d := range deps {
			if d.ExportFile = exportFile[d.ID]; d.ExportFile == "" && (cgoImports[d.PkgPath] != d || directImport(roots, d)) {
				return nil, ErrFallback
			}
		}
	}
	return cgoImports, nil
}

// typesSizes is what packages.NeedTypesSizes gives: the gc compiler's
// sizes for the GOARCH that the go command builds for.
func typesSizes(cfg *packages.Config) (types.Sizes, error) {
	cmd := exec.Command("go", "env", "GOARCH")
	cmd.Dir, cmd.Env = cfg.Dir, cfg.Env
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOARCH: %v", err)
	}
	arch := strings.TrimSpace(string(out))
	sizes := types.SizesFor("gc", arch)
	if sizes == nil {
		return nil, fmt.Errorf("go env GOARCH: unknown architecture %q", arch)
	}
	return sizes, nil
}

type loader struct {
	fset *token.FileSet
	cfg  *packages.Config // its Overlay's files are read from there, not from disk; a root that imports "C" is listed with it (cgoFiles)

	mu   sync.Mutex                          // guards view and the dependencies' Types
	view map[string]*types.Package           // by path: from export data, and the roots that are no test variant
	done map[*packages.Package]chan struct{} // closed when the root is checked

	depOnly map[*packages.Package]bool // test variants among the dependencies: checked, not analysed

	cgoImports map[string]*packages.Package // what cgo's output imports, by path
	cgoMu      sync.Mutex
	compiled   map[string][]string // by package ID: the compiled Go files of cgo roots
}

// directImport reports whether a root imports d.
func directImport(roots []*packages.Package, d *packages.Package) bool {
	for _, r := range roots {
		if r.Imports[d.PkgPath] == d {
			return true
		}
	}
	return false
}

// check parses and type-checks the roots, each once the roots it imports
// (directly or through dependencies) are, at most GOMAXPROCS at once; a
// dependency's export data is read when a root first imports it, after
// every root it depends on is in the view, so that its types and theirs
// are the same objects.
func (l *loader) check(roots []*packages.Package, isRoot map[*packages.Package]bool) error {
	// The roots each root waits for: those it reaches through the graph.
	waits := map[*packages.Package][]*packages.Package{}
	memo := map[*packages.Package][]*packages.Package{}
	var reach func(p *packages.Package) []*packages.Package
	reach = func(p *packages.Package) []*packages.Package {
		if r, ok := memo[p]; ok {
			return r
		}
		memo[p] = nil // cycles cannot happen in a build, but do not loop
		seen := map[*packages.Package]bool{}
		var out []*packages.Package
		for _, imp := range p.Imports {
			if isRoot[imp] && !seen[imp] {
				seen[imp] = true
				out = append(out, imp)
			}
			for _, r := range reach(imp) {
				if !seen[r] {
					seen[r] = true
					out = append(out, r)
				}
			}
		}
		memo[p] = out
		return out
	}
	for _, p := range roots {
		waits[p] = reach(p)
		l.done[p] = make(chan struct{})
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, p := range roots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(l.done[p])
			for _, w := range waits[p] {
				<-l.done[w]
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			l.checkRoot(p)
		}()
	}
	wg.Wait()
	for _, p := range roots {
		for _, e := range p.Errors {
			if e.Kind == packages.ParseError {
				return ErrFallback // the compiler's words for it, as go build prints them
			}
		}
	}
	return nil
}

func (l *loader) checkRoot(p *packages.Package) {
	p.Fset = l.fset
	files, errs := l.parse(p.CompiledGoFiles)
	if importsC(files) {
		// cgo: the files the compiler sees are cgo's output, which only
		// go list -compiled names (and makes, or finds in the build cache).
		compiled, err := l.cgoFiles(p)
		if err != nil {
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.ListError})
			p.IllTyped = true
			return
		}
		p.CompiledGoFiles = compiled
		files, errs = l.parse(compiled)
	}
	for i, f := range files {
		p.Errors = append(p.Errors, errs[i]...)
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
	}
	if l.depOnly[p] {
		p.TypesInfo = &types.Info{} // only its types are needed: no record kept
	} else {
		p.TypesInfo = FullInfo()
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) { return l.importFor(p, path) }),
		Sizes:    p.TypesSizes,
		Error: func(err error) {
			var te types.Error
			if errors.As(err, &te) {
				p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
				return
			}
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	before := len(p.Errors)
	typErr := types.NewChecker(tc, l.fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if typErr != nil && len(p.Errors) == before {
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: typErr.Error(), Kind: packages.TypeError})
	}
	p.IllTyped = len(p.Errors) > 0
	for _, imp := range p.Imports {
		if imp.IllTyped {
			p.IllTyped = true
		}
	}
	if l.depOnly[p] {
		p.Syntax, p.TypesInfo = nil, nil
	}
	if !strings.Contains(p.ID, " [") && !strings.HasSuffix(p.PkgPath, ".test") {
		l.mu.Lock()
		l.view[p.PkgPath] = p.Types
		l.mu.Unlock()
	}
}

// FullInfo is the type information of an analysed package, as
// packages.LoadSyntax records it.
func FullInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

// parse parses the files, each file's errors beside it.
func (l *loader) parse(names []string) ([]*ast.File, [][]packages.Error) {
	files := make([]*ast.File, len(names))
	errs := make([][]packages.Error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var src any // nil: from disk
			if b, ok := l.cfg.Overlay[name]; ok {
				src = b
			}
			f, err := parser.ParseFile(l.fset, name, src, parser.AllErrors|parser.ParseComments)
			files[i] = f
			var list scanner.ErrorList
			switch {
			case errors.As(err, &list):
				for _, e := range list {
					errs[i] = append(errs[i], packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
				}
			case err != nil:
				errs[i] = append(errs[i], packages.Error{Pos: name + ":1", Msg: err.Error(), Kind: packages.ParseError})
			}
		}()
	}
	wg.Wait()
	return files, errs
}

// importsC reports whether a file imports "C".
func importsC(files []*ast.File) bool {
	for _, f := range files {
		if f == nil {
			continue
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"C"` {
				return true
			}
		}
	}
	return false
}

// cgoFiles lists p's compiled Go files with go list -compiled, for p
// alone (and its test variants, listed with it and kept for them).
func (l *loader) cgoFiles(p *packages.Package) ([]string, error) {
	l.cgoMu.Lock()
	defer l.cgoMu.Unlock()
	if l.compiled == nil {
		l.compiled = map[string][]string{}
	}
	if files, ok := l.compiled[p.ID]; ok {
		return files, nil
	}
	c := *l.cfg
	c.Mode = packages.NeedName | packages.NeedCompiledGoFiles
	listed, err := packages.Load(&c, p.PkgPath)
	if err != nil {
		return nil, err
	}
	for _, q := range listed {
		l.compiled[q.ID] = q.CompiledGoFiles
	}
	files, ok := l.compiled[p.ID]
	if !ok {
		return nil, fmt.Errorf("go list -compiled %s did not list %s", p.PkgPath, p.ID)
	}
	return files, nil
}

// importFor is p's importer: a root's types, checked from source, or a
// dependency's, from its export data.
func (l *loader) importFor(p *packages.Package, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	imp := p.Imports[path]
	if imp == nil {
		l.cgoMu.Lock()
		if l.compiled[p.ID] != nil {
			imp = l.cgoImports[path] // cgo's output imports it
		}
		l.cgoMu.Unlock()
	}
	if imp == nil {
		return nil, fmt.Errorf("no metadata for %s", path)
	}
	if ch, ok := l.done[imp]; ok { // a root, checked before p
		<-ch
		if imp.Types == nil {
			return nil, fmt.Errorf("no types for %s", path)
		}
		return imp.Types, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if imp.Types != nil {
		return imp.Types, nil
	}
	f, err := os.Open(imp.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading export data for %s: %v", path, err)
	}
	tp, err := gcexportdata.Read(r, l.fset, l.view, imp.PkgPath)
	if err != nil {
		return nil, fmt.Errorf("reading export data for %s: %v", path, err)
	}
	imp.Types, imp.Fset = tp, l.fset
	return tp, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
