package analyzer

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// ConfigError is an error in the configuration, such as a -constants entry
// that names no package. It is the same for every package of a run, so the
// command stops at the first one, before any fix is applied.
type ConfigError struct{ Err error }

func (e *ConfigError) Error() string { return e.Err.Error() }
func (e *ConfigError) Unwrap() error { return e.Err }

// constLoader finds the -constants packages and reads their constants from
// source. It resolves import paths through the module's go.mod (the module
// itself, vendor, replace and require directives) so that the common case
// starts no "go list", which would cost more than analysing a package; only
// what go.mod cannot resolve falls back to one "go list" per module.
type constLoader struct {
	patterns []string

	mu      sync.Mutex
	modOf   map[string]*modInfo // by module root
	dirMod  map[string]*modInfo // by package directory
	loaded  map[string]*types.Package
	imports map[string][]string // import path -> imports, for the cycle check
}

type modInfo struct {
	root, path string
	file       *modfile.File
	pkgs       []pkgDir // the packages that the patterns name
	err        error
}

type pkgDir struct{ path, dir string }

func newConstLoader(patterns []string) *constLoader {
	return &constLoader{
		patterns: patterns,
		modOf:    make(map[string]*modInfo),
		dirMod:   make(map[string]*modInfo),
		loaded:   make(map[string]*types.Package),
		imports:  make(map[string][]string),
	}
}

// packagesFor returns the configured packages as seen from the module that
// holds dir, resolving the patterns on first use in that module.
func (l *constLoader) packagesFor(dir string) (*modInfo, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	m, ok := l.dirMod[dir]
	if !ok {
		m = l.findModule(dir)
		l.dirMod[dir] = m
	}
	if m.err == nil && m.pkgs == nil {
		m.pkgs, m.err = resolvePatterns(m, l.patterns)
	}
	return m, m.err
}

func (l *constLoader) findModule(dir string) *modInfo {
	for d := dir; ; d = filepath.Dir(d) {
		if m, ok := l.modOf[d]; ok {
			return m
		}
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			m := &modInfo{root: d}
			m.file, m.err = modfile.Parse(filepath.Join(d, "go.mod"), data, nil)
			if m.err == nil && m.file.Module != nil {
				m.path = m.file.Module.Mod.Path
			}
			l.modOf[d] = m
			return m
		}
		if parent := filepath.Dir(d); parent == d {
			return &modInfo{err: &ConfigError{fmt.Errorf("-constants: %s is not inside a Go module, so %s cannot be resolved", dir, strings.Join(l.patterns, ","))}}
		}
	}
}

// resolvePatterns expands the patterns into packages; a pattern that names
// no package is a ConfigError naming it.
func resolvePatterns(m *modInfo, patterns []string) ([]pkgDir, error) {
	var pkgs []pkgDir
	var rest []string
	for _, p := range patterns {
		found, ok := resolveLocal(m, p)
		if !ok {
			rest = append(rest, p)
			continue
		}
		if len(found) == 0 {
			return nil, &ConfigError{fmt.Errorf("-constants: no package matches %q (module %s in %s)", p, m.path, m.root)}
		}
		pkgs = append(pkgs, found...)
	}
	if len(rest) > 0 {
		found, err := goList(m.root, rest)
		if err != nil {
			return nil, err
		}
		pkgs = append(pkgs, found...)
	}
	if pkgs == nil {
		pkgs = []pkgDir{}
	}
	return pkgs, nil
}

// resolveLocal resolves p without running go: ok is false when go.mod
// alone cannot tell.
func resolveLocal(m *modInfo, p string) (pkgs []pkgDir, ok bool) {
	prefix, wild := strings.CutSuffix(p, "/...")
	if strings.Contains(prefix, "...") {
		return nil, false
	}
	dir, ok := dirOf(m, prefix)
	if !ok {
		return nil, false
	}
	if !wild {
		if hasGoFiles(dir) {
			return []pkgDir{{prefix, dir}}, true
		}
		return nil, true
	}
	filepath.WalkDir(dir, func(d string, e fs.DirEntry, err error) error {
		if err != nil || !e.IsDir() {
			return nil
		}
		name := e.Name()
		if d != dir && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".") || fileExists(filepath.Join(d, "go.mod"))) {
			return filepath.SkipDir
		}
		if hasGoFiles(d) {
			rel, _ := filepath.Rel(dir, d)
			pkgs = append(pkgs, pkgDir{path.Join(prefix, filepath.ToSlash(rel)), d})
		}
		return nil
	})
	return pkgs, true
}

// dirOf maps an import path to its directory through go.mod.
func dirOf(m *modInfo, importPath string) (string, bool) {
	if rel, ok := within(importPath, m.path); ok {
		return filepath.Join(m.root, filepath.FromSlash(rel)), true
	}
	if fileExists(filepath.Join(m.root, "vendor", "modules.txt")) {
		return filepath.Join(m.root, "vendor", filepath.FromSlash(importPath)), true
	}
	if m.file == nil {
		return "", false
	}
	// The longest module path wins, as in the go command.
	best, bestLen := "", -1
	for _, r := range m.file.Require {
		if rel, ok := within(importPath, r.Mod.Path); ok && len(r.Mod.Path) > bestLen {
			best, bestLen = modCacheDir(r.Mod, rel), len(r.Mod.Path)
		}
	}
	for _, r := range m.file.Replace {
		rel, ok := within(importPath, r.Old.Path)
		if !ok || len(r.Old.Path) < bestLen {
			continue
		}
		if r.New.Version == "" { // a directory
			d := r.New.Path
			if !filepath.IsAbs(d) {
				d = filepath.Join(m.root, d)
			}
			best, bestLen = filepath.Join(d, filepath.FromSlash(rel)), len(r.Old.Path)
		} else {
			best, bestLen = modCacheDir(r.New, rel), len(r.Old.Path)
		}
	}
	return best, best != ""
}

func within(importPath, modPath string) (rel string, ok bool) {
	if importPath == modPath {
		return "", true
	}
	if modPath != "" && strings.HasPrefix(importPath, modPath+"/") {
		return importPath[len(modPath)+1:], true
	}
	return "", false
}

func modCacheDir(mod module.Version, rel string) string {
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		gopath := os.Getenv("GOPATH")
		if gopath == "" {
			home, _ := os.UserHomeDir()
			gopath = filepath.Join(home, "go")
		}
		cache = filepath.Join(filepath.SplitList(gopath)[0], "pkg", "mod")
	}
	esc, err := module.EscapePath(mod.Path)
	if err != nil {
		return ""
	}
	escv, err := module.EscapeVersion(mod.Version)
	if err != nil {
		return ""
	}
	return filepath.Join(cache, esc+"@"+escv, filepath.FromSlash(rel))
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// goFiles lists the non-test Go files of dir that the build would compile.
func goFiles(dir string) []string {
	bp, err := build.Default.ImportDir(dir, 0)
	if err != nil {
		return nil
	}
	return bp.GoFiles
}

func hasGoFiles(dir string) bool { return len(goFiles(dir)) > 0 }

// goList resolves what go.mod could not, with one go list for all of it.
func goList(root string, patterns []string) ([]pkgDir, error) {
	args := append([]string{"list", "-e", "-f", "{{.ImportPath}}\t{{.Dir}}\t{{with .Error}}{{.Err}}{{end}}"}, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, &ConfigError{fmt.Errorf("-constants: go list %s: %v", strings.Join(patterns, " "), firstLine(stderr.String(), err))}
	}
	var pkgs []pkgDir
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.SplitN(line, "\t", 3)
		if len(f) == 3 && f[1] != "" && f[2] == "" {
			pkgs = append(pkgs, pkgDir{f[0], f[1]})
		}
	}
	if len(pkgs) == 0 {
		return nil, &ConfigError{fmt.Errorf("-constants: no package matches %s (from %s)", quoteAll(patterns), root)}
	}
	return pkgs, nil
}

func firstLine(s string, err error) string {
	if s = strings.TrimSpace(s); s == "" {
		return err.Error()
	}
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// load type-checks a configured package from source, resolving its imports
// from the analysed package's dependencies (graph) and, within the module,
// from source. A constant whose type cannot be resolved is simply absent.
// Only complete results are cached, so a later package with more
// dependencies can do better.
func (l *constLoader) load(m *modInfo, pd pkgDir, graph map[string]*types.Package) *types.Package {
	l.mu.Lock()
	defer l.mu.Unlock()
	if pkg, ok := l.loaded[pd.path]; ok {
		return pkg
	}
	pkg, complete := l.check(m, pd, graph, map[string]bool{})
	if complete {
		l.loaded[pd.path] = pkg
	}
	return pkg
}

func (l *constLoader) check(m *modInfo, pd pkgDir, graph map[string]*types.Package, busy map[string]bool) (*types.Package, bool) {
	busy[pd.path] = true
	defer delete(busy, pd.path)
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range goFiles(pd.dir) {
		f, err := parser.ParseFile(fset, filepath.Join(pd.dir, name), nil, parser.SkipObjectResolution)
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
			if pkg, ok := l.loaded[p]; ok {
				return pkg, nil
			}
			// The module's own packages load from source; so do those of
			// other modules one or two imports away (a constant defined as
			// string(semconv.PeerServiceKey)), but not the standard library
			// or deeper chains, which would cost more than they give.
			if _, local := within(p, m.path); !busy[p] && (local || !isStd(p) && len(busy) <= 2) {
				if dir, ok := dirOf(m, p); ok {
					pkg, ok := l.check(m, pkgDir{p, dir}, graph, busy)
					complete = complete && ok
					if ok {
						l.loaded[p] = pkg
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
// module cycle).
func (l *constLoader) importsPkg(m *modInfo, from, target string, graph map[string]*types.Package) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
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
		if _, local := within(p, m.path); !local {
			return false
		}
		imps, ok := l.imports[p]
		if !ok {
			if dir, ok := dirOf(m, p); ok {
				imps = parseImports(dir)
			}
			l.imports[p] = imps
		}
		for _, imp := range imps {
			if walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(from)
}

func parseImports(dir string) []string {
	var imps []string
	fset := token.NewFileSet()
	for _, name := range goFiles(dir) {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ImportsOnly)
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
