package index

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/spanattrlint/spanattrlint/internal/modresolve"
	"github.com/spanattrlint/spanattrlint/internal/pkgpath"
	"github.com/spanattrlint/spanattrlint/internal/srcfs"
)

// ConfigError is an error in the configuration, such as a -constants entry
// that names no package. It is the same for every package of a run, so the
// command stops at the first one, before any fix is applied.
type ConfigError struct{ Err error }

func (e *ConfigError) Error() string { return e.Err.Error() }
func (e *ConfigError) Unwrap() error { return e.Err }

// Loader finds the -constants packages and reads their constants from
// source. It resolves import paths through the module's go.mod and go.work
// (the main modules, vendor, replace and require directives; see
// internal/modresolve) so that the common case starts no "go list", which
// would cost more than analysing a package; only what they cannot resolve
// falls back to one "go list" per pattern. It reads the packages' files
// through fs: the disk (nil), or an overlay of files not written yet.
// (The go list fallback sees the disk alone: it resolves what is outside
// the main modules, which no overlay changes.) gen, which wrote its
// constants file as one, no longer needs it: the analyzer offers the
// constants it is about to declare (Result.WithConstants).
type Loader struct {
	patterns []string
	res      *modresolve.Resolver
	fs       *srcfs.FS // nil: the disk

	mu     sync.Mutex
	modOf  map[string]*Module  // by module root
	dirMod map[string]*dirInfo // by package directory
}

type Module struct {
	Mod  *modresolve.Module // nil if err says why there is no module
	once sync.Once          // resolves the patterns in mod
	pkgs []pkgDir           // the packages that the patterns name
	err  error
}

// dirInfo is the module of one package directory, found once.
type dirInfo struct {
	once sync.Once
	m    *Module
}

type pkgDir struct{ path, dir string }

func NewLoader(patterns []string, res *modresolve.Resolver, fs *srcfs.FS) *Loader {
	if res == nil {
		res = modresolve.NewResolver()
	}
	return &Loader{
		patterns: patterns,
		res:      res,
		fs:       fs,
		modOf:    make(map[string]*Module),
		dirMod:   make(map[string]*dirInfo),
	}
}

// PackagesFor returns the configured packages as seen from the module that
// holds dir, resolving the patterns on first use in that module. The lock
// guards only the maps: the go.mod lookup and the patterns' resolution
// (perhaps a go list) run once per directory and per module, and a pass
// waits only for the one its own directory or module needs.
func (l *Loader) PackagesFor(dir string) (*Module, error) {
	l.mu.Lock()
	d := l.dirMod[dir]
	if d == nil {
		d = &dirInfo{}
		l.dirMod[dir] = d
	}
	l.mu.Unlock()
	d.once.Do(func() { d.m = l.moduleOf(dir) })
	m := d.m
	if m.Mod != nil {
		m.once.Do(func() {
			m.pkgs, m.err = resolvePatterns(l.fs, m.Mod, l.patterns)
		})
	}
	return m, m.err
}

// moduleOf finds the module that holds dir: the one entry of its root,
// or one that says why there is none.
func (l *Loader) moduleOf(dir string) *Module {
	mod, err := l.res.Module(dir)
	switch {
	case errors.Is(err, modresolve.ErrNotInModule):
		return &Module{err: &ConfigError{fmt.Errorf("-constants: %s is not inside a Go module, so %s cannot be resolved", dir, strings.Join(l.patterns, ","))}}
	case err != nil:
		return &Module{err: &ConfigError{fmt.Errorf("-constants: %v", err)}}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	m := l.modOf[mod.Root]
	if m == nil {
		m = &Module{Mod: mod}
		l.modOf[mod.Root] = m
	}
	return m
}

// resolvePatterns expands the patterns into packages; a pattern that names
// no usable package is a ConfigError that says why.
func resolvePatterns(fsys *srcfs.FS, mod *modresolve.Module, patterns []string) ([]pkgDir, error) {
	var pkgs []pkgDir
	for _, p := range patterns {
		found, err := resolvePattern(fsys, mod, p)
		if err != nil {
			return nil, &ConfigError{fmt.Errorf("-constants: %v", err)}
		}
		pkgs = append(pkgs, found...)
	}
	if pkgs == nil {
		pkgs = []pkgDir{}
	}
	return pkgs, nil
}

// resolvePattern resolves one pattern through go.mod and go.work, or
// else with go list, and keeps the packages that can hold constants for
// others: not commands, not test-only, with exported constants.
func resolvePattern(fsys *srcfs.FS, mod *modresolve.Module, p string) ([]pkgDir, error) {
	prefix, wild := strings.CutSuffix(p, "/...")
	if pkgpath.IsStd(prefix) && !strings.Contains(prefix, "...") {
		return nil, stdError(mod, p)
	}
	found, err, ok := resolveLocal(fsys, mod, prefix, wild)
	if !ok {
		found, err = goList(mod, p)
	}
	if err != nil {
		return nil, err
	}
	if len(found) == 0 {
		return nil, fmt.Errorf("no package matches %q in %s", p, mod.Describe())
	}
	var keep []pkgDir
	var why string
	for _, pd := range found {
		if w := constPkgProblem(fsys, pd.dir); w != "" {
			if why == "" {
				why = strconv.Quote(pd.path) + " " + w
			}
			continue
		}
		keep = append(keep, pd)
	}
	if len(keep) == 0 {
		if wild {
			return nil, fmt.Errorf("no package that %q matches can hold constants for others: %s", p, why)
		}
		return nil, errors.New(why)
	}
	return keep, nil
}

// resolveLocal resolves prefix (with wild, prefix/...) without running
// go: ok is false when go.mod and go.work alone cannot tell.
func resolveLocal(fsys *srcfs.FS, mod *modresolve.Module, prefix string, wild bool) (pkgs []pkgDir, err error, ok bool) {
	if strings.Contains(prefix, "...") {
		return nil, nil, false
	}
	dir, ok := mod.Dir(prefix)
	if !ok {
		return nil, nil, false
	}
	_, _, inMain := mod.Main(prefix)
	if !wild {
		if !fsys.IsDir(dir) {
			if inMain {
				return nil, fmt.Errorf("no package matches %q in %s (no directory %s)", prefix, mod.Describe(), dir), true
			}
			return nil, nil, false // perhaps not downloaded: ask go
		}
		if w := buildProblem(fsys, dir); w != "" {
			return nil, fmt.Errorf("%q %s", prefix, w), true
		}
		return []pkgDir{{prefix, dir}}, nil, true
	}
	if !fsys.IsDir(dir) && !inMain {
		return nil, nil, false
	}
	for d := range fsys.PackageDirs(dir) {
		if len(goFilesIn(fsys, d)) > 0 {
			rel, _ := filepath.Rel(dir, d)
			pkgs = append(pkgs, pkgDir{path.Join(prefix, filepath.ToSlash(rel)), d})
		}
	}
	return pkgs, nil, true
}

// buildProblem says why dir holds no package to build, or "".
func buildProblem(fsys *srcfs.FS, dir string) string {
	bp, _ := fsys.Build().ImportDir(dir, 0)
	switch {
	case bp == nil:
		return "has no Go files"
	case len(bp.GoFiles)+len(bp.CgoFiles) > 0:
		return ""
	case len(bp.TestGoFiles)+len(bp.XTestGoFiles) > 0 && len(bp.IgnoredGoFiles) == 0:
		return "has only test files (_test.go), which no other package can import"
	case len(bp.IgnoredGoFiles) > 0:
		return "has no Go files for this build: build constraints exclude them all"
	}
	return "has no Go files"
}

// constPkgProblem says why the package in dir cannot provide constants to
// other packages, or "".
func constPkgProblem(fsys *srcfs.FS, dir string) string {
	fset := token.NewFileSet()
	files := goFilesIn(fsys, dir)
	for i, file := range files {
		name := filepath.Join(dir, file)
		f, err := parser.ParseFile(fset, name, fsys.Source(name), parser.SkipObjectResolution)
		if err != nil {
			return "" // the type checker will say
		}
		if f.Name.Name == "main" {
			return "is a main package (a command), which no other package can import"
		}
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.CONST {
				for _, spec := range gd.Specs {
					for _, n := range spec.(*ast.ValueSpec).Names {
						if n.IsExported() {
							return ""
						}
					}
				}
			}
		}
		if i == len(files)-1 {
			return "declares no exported constants: it is not a constants package"
		}
	}
	return ""
}

func stdError(mod *modresolve.Module, p string) error {
	return fmt.Errorf("%q is in the standard library, not a constants package of %s or of a module it requires", p, mod.Describe())
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// goFiles lists the non-test Go files of dir that the build would compile.
func goFiles(dir string) []string { return goFilesIn(nil, dir) }

// goFilesIn is goFiles through fsys.
func goFilesIn(fsys *srcfs.FS, dir string) []string {
	bp, err := fsys.Build().ImportDir(dir, 0)
	if err != nil {
		return nil
	}
	return append(bp.GoFiles, bp.CgoFiles...)
}

// HasGoFiles reports whether dir holds a Go package's files (as the
// go command sees them on disk).
func HasGoFiles(dir string) bool { return len(goFiles(dir)) > 0 }

// goList resolves what go.mod and go.work could not, with go list run in
// the module (which honours go.work and GOFLAGS as the build does).
func goList(mod *modresolve.Module, pattern string) ([]pkgDir, error) {
	cmd := exec.Command("go", "list", "-e", "-f", "{{.ImportPath}}\t{{.Dir}}\t{{.Standard}}\t{{with .Error}}{{.Err}}{{end}}", pattern)
	cmd.Dir = mod.Root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v", firstLine(stderr.String(), err))
	}
	var pkgs []pkgDir
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.SplitN(line, "\t", 4)
		if len(f) != 4 {
			continue
		}
		switch {
		case f[2] == "true":
			return nil, stdError(mod, f[0])
		case strings.Contains(f[3], "no required module provides package"):
			if r, ok := mod.Requirer(f[0]); ok {
				return nil, fmt.Errorf("no package matches %q in %s@%s, which %s requires", f[0], r.Path, r.Version, mod.Describe())
			}
			return nil, fmt.Errorf("%q is in no module that %s requires: add its module with go get, or name a package of the main module", f[0], mod.Describe())
		case f[3] != "":
			return nil, fmt.Errorf("%q: %s", f[0], firstLine(f[3], nil))
		case f[1] != "":
			pkgs = append(pkgs, pkgDir{f[0], f[1]})
		}
	}
	return pkgs, nil
}

func firstLine(s string, err error) string {
	if s = strings.TrimSpace(s); s == "" && err != nil {
		return err.Error()
	}
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimPrefix(line, "go: ")
}

// load type-checks a configured package from source, resolving its imports
// from the analysed package's dependencies (graph) and, within the module,
// from source. A constant whose type cannot be resolved is simply absent.
// Only complete results are kept in loaded, the run's cache, so a later
// package with more dependencies can do better.
func (l *Loader) load(m *Module, pd pkgDir, graph map[string]*types.Package, loaded *loadedPkgs) *types.Package {
	loaded.mu.Lock()
	defer loaded.mu.Unlock()
	if pkg, ok := loaded.m[pd.path]; ok {
		return pkg
	}
	if loaded.m == nil {
		loaded.m = make(map[string]*types.Package)
	}
	pkg, complete := l.check(m, pd, graph, loaded.m, map[string]bool{})
	if complete {
		loaded.m[pd.path] = pkg
	}
	return pkg
}

func (l *Loader) check(m *Module, pd pkgDir, graph, loaded map[string]*types.Package, busy map[string]bool) (*types.Package, bool) {
	busy[pd.path] = true
	defer delete(busy, pd.path)
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range goFilesIn(l.fs, pd.dir) {
		name = filepath.Join(pd.dir, name)
		f, err := parser.ParseFile(fset, name, l.fs.Source(name), parser.SkipObjectResolution)
		if err == nil {
			files = append(files, f)
		}
	}
	complete := true
	conf := types.Config{
		Importer: importerFunc(func(p string) (*types.Package, error) {
			if p == "unsafe" {
				return types.Unsafe, nil
			}
			if pkg, ok := graph[p]; ok {
				return pkg, nil
			}
			if pkg, ok := loaded[p]; ok {
				return pkg, nil
			}
			// The module's own packages load from source; so do those of
			// other modules one or two imports away (a constant defined as
			// string(semconv.PeerServiceKey)), but not the standard library
			// or deeper chains, which would cost more than they give.
			if local := m.Mod.IsMain(p); !busy[p] && (local || !pkgpath.IsStd(p) && len(busy) <= 2) {
				if dir, ok := m.Mod.Dir(p); ok {
					pkg, ok := l.check(m, pkgDir{p, dir}, graph, loaded, busy)
					complete = complete && ok
					if ok {
						loaded[p] = pkg
					}
					return pkg, nil
				}
			}
			complete = false
			return nil, errors.New("not available")
		}),
		Error:       func(error) {},
		FakeImportC: true,
	}
	pkg, _ := conf.Check(pd.path, fset, files, nil)
	return pkg, complete
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// importsPkg reports whether the package at from imports target, directly
// or not. Packages in graph (the analysed package's dependencies) cannot;
// packages of other modules are assumed not to (they cannot without a
// module cycle). The import clauses read are kept in the run's imports,
// whose lock guards only its map: files are read without it.
func (l *Loader) importsPkg(m *Module, from, target string, graph map[string]*types.Package, imports *importClauses) bool {
	seen := map[string]bool{}
	var walk func(p string) bool
	walk = func(p string) bool {
		if p == target {
			return true
		}
		if seen[p] || graph[p] != nil {
			return false
		}
		seen[p] = true
		if !m.Mod.IsMain(p) {
			return false
		}
		for _, imp := range imports.of(l.fs, m, p) {
			if walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(from)
}

// importClauses are the import paths of the module's packages that the
// cycle check read, by import path.
type importClauses struct {
	mu sync.Mutex
	m  map[string][]string
}

func (c *importClauses) of(fsys *srcfs.FS, m *Module, p string) []string {
	c.mu.Lock()
	imps, ok := c.m[p]
	c.mu.Unlock()
	if ok {
		return imps
	}
	if dir, ok := m.Mod.Dir(p); ok {
		imps = parseImports(fsys, dir)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if kept, ok := c.m[p]; ok {
		return kept
	}
	if c.m == nil {
		c.m = make(map[string][]string)
	}
	c.m[p] = imps
	return imps
}

func parseImports(fsys *srcfs.FS, dir string) []string {
	var imps []string
	fset := token.NewFileSet()
	for _, name := range goFilesIn(fsys, dir) {
		name = filepath.Join(dir, name)
		f, err := parser.ParseFile(fset, name, fsys.Source(name), parser.ImportsOnly)
		if err != nil {
			continue
		}
		for _, spec := range f.Imports {
			if p, err := strconv.Unquote(spec.Path.Value); err == nil {
				imps = append(imps, p)
			}
		}
	}
	return imps
}
