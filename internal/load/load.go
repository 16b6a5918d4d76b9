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
	"runtime"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// ErrFallback is returned when the packages need what only go/packages'
// own load gives (a dependency that is a test variant, a dependency whose
// export data is missing, a file that does not parse, whose error the
// compiler words as go build does): the caller loads them with
// packages.Load instead.
var ErrFallback = errors.New("load: use packages.Load")

// metaMode is what is listed without export data.
const metaMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

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
	isRoot := map[*packages.Package]bool{}
	for _, p := range roots {
		isRoot[p] = true
	}
	// The dependencies the roots import, directly or not, that are not
	// roots: their export data is needed, or that of a package that
	// imports them.
	var deps []*packages.Package
	var fallback bool
	packages.Visit(roots, nil, func(p *packages.Package) {
		if isRoot[p] || p.PkgPath == "unsafe" {
			return
		}
		if strings.Contains(p.ID, " [") || len(p.Errors) > 0 {
			fallback = true // a test variant, which no pattern names; or errors said best by the compile
		}
		deps = append(deps, p)
	})
	if fallback {
		return nil, ErrFallback
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
			if d.ExportFile = exportFile[d.ID]; d.ExportFile == "" {
				return nil, ErrFallback
			}
		}
	}
	l := &loader{fset: token.NewFileSet(), overlay: cfg.Overlay, view: map[string]*types.Package{}, done: map[*packages.Package]chan struct{}{}}
	if err := l.check(roots, isRoot); err != nil {
		return nil, err
	}
	return roots, nil
}

type loader struct {
	fset    *token.FileSet
	overlay map[string][]byte // cfg.Overlay: files read from here, not from disk

	mu   sync.Mutex                          // guards view and the dependencies' Types
	view map[string]*types.Package           // by path: from export data, and the roots that are no test variant
	done map[*packages.Package]chan struct{} // closed when the root is checked
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
	files := make([]*ast.File, len(p.CompiledGoFiles))
	errs := make([][]packages.Error, len(p.CompiledGoFiles))
	var wg sync.WaitGroup
	for i, name := range p.CompiledGoFiles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var src any // nil: from disk
			if b, ok := l.overlay[name]; ok {
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
	for i, f := range files {
		p.Errors = append(p.Errors, errs[i]...)
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
	}
	p.TypesInfo = &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
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
	if !strings.Contains(p.ID, " [") && !strings.HasSuffix(p.PkgPath, ".test") {
		l.mu.Lock()
		l.view[p.PkgPath] = p.Types
		l.mu.Unlock()
	}
}

// importFor is p's importer: a root's types, checked from source, or a
// dependency's, from its export data.
func (l *loader) importFor(p *packages.Package, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	imp := p.Imports[path]
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
