package gen

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	modpath "golang.org/x/mod/module"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/internal/modresolve"
)

// module is where gen may read and write: the main module that governs
// the directory gen runs in, or every module of its go.work workspace
// (internal/modresolve decides, as for the analyzer's -constants).
type module struct {
	root string // the module root, or the workspace's directory: paths are shown relative to it
	path string // the module path; for a workspace, that of the module gen runs in, if any
	mods []*modresolve.Module
	desc string // "the main module example.com/app" or "the workspace /w/go.work"
}

// absModule makes o.Dir absolute ("." when empty) and finds the module,
// or workspace, that holds it.
func (o *Options) absModule() (*module, error) {
	dir, err := filepath.Abs(cmp.Or(o.Dir, "."))
	if err != nil {
		return nil, err
	}
	o.Dir = dir
	return findModule(dir, o.Env)
}

func findModule(dir string, env []string) (*module, error) {
	res := modresolve.NewResolverEnv(env)
	m, err := res.Module(dir)
	switch {
	case err == nil && m.Work != nil:
		return &module{root: m.Work.Dir, path: m.Path, mods: m.Work.Modules, desc: "the workspace " + m.Work.File}, nil
	case err == nil:
		return &module{root: m.Root, path: m.Path, mods: []*modresolve.Module{m}, desc: "the main module " + m.Path}, nil
	case !errors.Is(err, modresolve.ErrNotInModule):
		return nil, err
	}
	// At a workspace root, outside every module of it.
	w, err := res.Workspace(dir)
	if err != nil {
		return nil, err
	}
	if w == nil || len(w.Modules) == 0 {
		return nil, fmt.Errorf("%s is not inside a Go module (no go.mod) nor a go.work workspace", dir)
	}
	return &module{root: w.Dir, mods: w.Modules, desc: "the workspace " + w.File}, nil
}

// rel returns name relative to the root, with forward slashes, and
// whether it is inside a main module at all.
func (m *module) rel(name string) (string, bool) {
	return modresolve.Rel(m.root, m.mods, name)
}

// isMain reports whether importPath is a package of a main module.
func (m *module) isMain(importPath string) bool {
	for _, mm := range m.mods {
		if _, ok := modresolve.Within(importPath, mm.Path); ok {
			return true
		}
	}
	return false
}

// target is the package the constants go into.
type target struct {
	dir, path string // directory and import path
	modPath   string // the path of the module it is in
	name      string // package name, existing or derived
	exists    bool   // it has non-test Go files
	anyGo     bool   // its directory has Go files, test files included

	// What the package already declares at package level (test files of
	// the package included), so that no new name collides.
	declared map[string]bool
	// Its exported string constants by value: those that can stand for an
	// event or span name, and those that can stand for an attribute key
	// (attribute.Key constants only the latter).
	forKey, forName map[string]string
	// Its transitive imports, for the cycle check.
	deps map[string]*packages.Package
	pkg  *packages.Package
}

// resolveTarget maps -into (a directory, "./x" or absolute, or an import
// path in the main module) to a target, refusing one outside the main
// module or that holds a command.
func resolveTarget(mod *module, dir, into string) (*target, error) {
	if into == "" {
		return nil, errors.New("-into is required: the directory or import path of the package to write the constants into (e.g. -into=./internal/telemetry)")
	}
	var tdir string
	switch {
	case filepath.IsAbs(into):
		tdir = filepath.Clean(into)
	case into == "." || into == ".." || strings.HasPrefix(into, "./") || strings.HasPrefix(into, "../") ||
		strings.HasPrefix(into, `.\`) || strings.HasPrefix(into, `..\`):
		tdir = filepath.Join(dir, into)
	default:
		if strings.Contains(into, "...") {
			return nil, fmt.Errorf("-into=%s: want one package, not a pattern", into)
		}
		mm, rel, ok := modresolve.Longest(mod.mods, into)
		if !ok {
			return nil, fmt.Errorf("-into=%s is outside %s: the constants must go into a package of the module whose code uses them", into, mod.desc)
		}
		tdir = filepath.Join(mm.Root, filepath.FromSlash(rel))
	}
	mm := modresolve.Holder(mod.mods, tdir)
	if mm == nil {
		return nil, fmt.Errorf("-into=%s (%s) is outside %s (%s)", into, tdir, mod.desc, mod.root)
	}
	rel, _ := filepath.Rel(mm.Root, tdir)
	rel = filepath.ToSlash(rel)
	ipath := mm.Path
	if rel != "." {
		ipath = path.Join(mm.Path, rel)
		// The go command ignores these directories and nested modules
		// are other modules.
		for d, elems := mm.Root, strings.Split(rel, "/"); len(elems) > 0; elems = elems[1:] {
			e := elems[0]
			if e == "testdata" || e == "vendor" || strings.HasPrefix(e, ".") || strings.HasPrefix(e, "_") {
				return nil, fmt.Errorf("-into=%s is outside %s: the go command ignores %q directories", into, mod.desc, e)
			}
			d = filepath.Join(d, e)
			if fileExists(filepath.Join(d, "go.mod")) {
				return nil, fmt.Errorf("-into=%s is outside %s: %s has a go.mod of its own", into, mod.desc, d)
			}
		}
	}
	if fi, err := os.Stat(tdir); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("-into=%s: %s is a file, not a directory", into, tdir)
	}
	// A directory whose import path the go command would refuse ("my
	// tele") can hold no package that others import.
	if err := modpath.CheckImportPath(ipath); err != nil {
		var ie *modpath.InvalidPathError
		why := err.Error()
		if errors.As(err, &ie) && ie.Err != nil {
			why = ie.Err.Error()
		}
		return nil, fmt.Errorf("-into=%s: %q is not a valid import path (%s): choose a directory whose path can be imported", into, ipath, why)
	}
	return &target{dir: tdir, path: ipath, modPath: mm.Path, declared: map[string]bool{}, forKey: map[string]string{}, forName: map[string]string{}}, nil
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// inspect reads the target package, if it exists: its name (refusing a
// command), what it declares, its string constants and its imports.
func (t *target) inspect(env []string) error {
	entries, err := os.ReadDir(t.dir)
	if errors.Is(err, os.ErrNotExist) {
		t.name = sanitisePackageName(t.path)
		return nil
	}
	if err != nil {
		return err
	}
	names, testFiles, err := t.readClauses(entries)
	if err != nil {
		return err
	}
	switch len(names) {
	case 0:
		t.name = sanitisePackageName(t.path)
		for _, f := range testFiles { // only in-package tests so far: take their name
			t.name = f.Name.Name
		}
	case 1:
		for n := range names {
			t.name = n
		}
	default:
		ns := slices.Sorted(maps.Keys(names))
		return fmt.Errorf("-into: %s holds several packages (%s)", t.dir, strings.Join(ns, ", "))
	}
	if t.name == "main" {
		return fmt.Errorf("-into: %s is a main package (a command), which no other package can import", t.path)
	}
	for _, f := range testFiles {
		declareAll(t.declared, f)
	}
	if len(names) == 0 {
		return nil
	}
	return t.loadExport(env)
}

// readClauses parses the Go files of the target's directory (entries),
// to learn the package name even where the build would exclude a file,
// and to find the names the test files declare: it returns the package
// names of the non-test files, and the in-package test files.
func (t *target) readClauses(entries []os.DirEntry) (map[string]bool, []*ast.File, error) {
	fset := token.NewFileSet()
	names := map[string]bool{}
	var testFiles []*ast.File
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") {
			continue
		}
		t.anyGo = true
		f, err := parser.ParseFile(fset, filepath.Join(t.dir, n), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, fmt.Errorf("-into: %v", firstLine(err.Error()))
		}
		pn := f.Name.Name
		if strings.HasSuffix(n, "_test.go") {
			if !strings.HasSuffix(pn, "_test") {
				testFiles = append(testFiles, f)
			}
			continue
		}
		names[pn] = true
	}
	return names, testFiles, nil
}

// loadExport reads the existing package's types, for exact constant
// values, from the export data the go command has in its build cache, and
// its imports, transitively, for the cycle check: no package is
// type-checked from source here (loading its dependencies from source
// cost more than the rest of a run on a large module).
func (t *target) loadExport(env []string) error {
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedExportFile,
		Dir:  t.dir,
		Env:  env,
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		return fmt.Errorf("-into: loading %s: %v", t.path, err)
	}
	if len(pkgs) != 1 {
		return fmt.Errorf("-into: loading %s: %d packages", t.path, len(pkgs))
	}
	p := pkgs[0]
	if err := firstError([]*packages.Package{p}, t.dir); err != nil {
		return fmt.Errorf("-into: %s does not build: %v", t.path, err)
	}
	if p.PkgPath != t.path {
		return fmt.Errorf("-into: %s is package %s, not %s", t.dir, p.PkgPath, t.path)
	}
	tpkg, err := readExport(p)
	if err != nil {
		return fmt.Errorf("-into: %s does not build: %v", t.path, err)
	}
	t.exists = true
	t.pkg = p
	t.deps = map[string]*packages.Package{}
	packages.Visit([]*packages.Package{p}, nil, func(d *packages.Package) {
		if d != p {
			t.deps[d.PkgPath] = d
		}
	})
	t.record(tpkg)
	return nil
}

// record notes what the package declares, and its exported string
// constants by value.
func (t *target) record(tpkg *types.Package) {
	scope := tpkg.Scope()
	for _, n := range scope.Names() {
		t.declared[n] = true
		c, ok := scope.Lookup(n).(*types.Const)
		if !ok || !c.Exported() || c.Val().Kind() != constant.String {
			continue
		}
		v := constant.StringVal(c.Val())
		if _, dup := t.forKey[v]; !dup {
			t.forKey[v] = n
		}
		if !isAttributeKey(c.Type()) {
			if _, dup := t.forName[v]; !dup {
				t.forName[v] = n
			}
		}
	}
}

// declareAll records the package-level names that f declares.
func declareAll(m map[string]bool, f *ast.File) {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				m[d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.ValueSpec:
					for _, n := range s.Names {
						m[n.Name] = true
					}
				case *ast.TypeSpec:
					m[s.Name.Name] = true
				}
			}
		}
	}
}

func isAttributeKey(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == attributePath && n.Obj().Name() == "Key"
}

const attributePath = "go.opentelemetry.io/otel/attribute"

// cycle reports the first package of importers (sorted) that the target
// imports, directly or not, with the chain of imports that leads there.
func (t *target) cycle(importers []string) (string, []string) {
	if !t.exists {
		return "", nil
	}
	for _, imp := range importers {
		if _, ok := t.deps[imp]; ok {
			return imp, t.chain(imp)
		}
	}
	return "", nil
}

// chain is a shortest import chain from the target to p.
func (t *target) chain(p string) []string {
	prev := map[string]string{t.path: ""}
	queue := []*packages.Package{t.pkg}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur.PkgPath == p {
			var out []string
			for q := p; q != ""; q = prev[q] {
				out = append(out, q)
			}
			slices.Reverse(out)
			return out
		}
		paths := make([]string, 0, len(cur.Imports))
		for ip := range cur.Imports {
			paths = append(paths, ip)
		}
		slices.Sort(paths)
		for _, ip := range paths {
			d := cur.Imports[ip]
			if _, seen := prev[d.PkgPath]; !seen {
				prev[d.PkgPath] = cur.PkgPath
				queue = append(queue, d)
			}
		}
	}
	return []string{t.path, p}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

func quote(s string) string { return strconv.Quote(s) }

// readExport reads the types of p from its export data.
func readExport(p *packages.Package) (*types.Package, error) {
	if p.ExportFile == "" {
		return nil, fmt.Errorf("the go command compiled no export data for %s", p.PkgPath)
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %v", p.PkgPath, err)
	}
	tp, err := gcexportdata.Read(r, token.NewFileSet(), map[string]*types.Package{}, p.PkgPath)
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %v", p.PkgPath, err)
	}
	return tp, nil
}
