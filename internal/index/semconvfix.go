package index

import (
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/mod/semver"

	"github.com/spanattrlint/spanattrlint/internal/modresolve"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/semconv"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// A semantic-conventions key (or event name, or enum member) in a package
// that imports no semconv package is fixed by importing the semconv
// version the module already uses, so that the module keeps one version
// and the import builds (a package that imports one keeps to the versions
// it imports):
//
//  1. the version -semconv-version names;
//  2. else the version that most of the module's packages import (ties:
//     the newest). "The module's packages" are the directories of the
//     package's main module (its go.mod's tree, without testdata, vendor,
//     _ and . directories and nested modules), as the import clauses of
//     all their .go files say, tests and every build tag included: what
//     the source says, the same for the standalone command, gen, go vet
//     and golangci-lint, whatever packages the driver shows;
//  3. else the newest version that the go.opentelemetry.io/otel version
//     the module requires (go.mod, go.work) ships.
//
// The version must be one that the module's otel ships, so that the
// import is in its module graph, and, in a vendored module, one that
// vendor/ holds. Without a go.mod (Bazel) or with otel replaced by a
// directory the version the module has is unknown, and there is no fix.
// A version that lacks the value's constant gives no fix either: the
// message names the newest one, as before.

// FixVersion returns the semconv version that a fix may import
// into the package, or "". It is asked only where a fix needs it.
func (st *Pass) FixVersion(otel string) string {
	if st.fixVersionDone {
		return st.fixVersion
	}
	st.fixVersionDone = true
	if otel == "" || st.dir == "" || slices.ContainsFunc(st.pass.Pkg.Imports(), func(p *types.Package) bool { return otelapi.IsSemconv(p.Path()) }) {
		return "" // a package that imports a version keeps to it
	}
	mod, err := st.res.Module(st.dir)
	if err != nil {
		return ""
	}
	v := st.semconvVersion
	if v == "" {
		v = mostImported(st.run.semconvUse.of(mod.Root))
	}
	if v == "" {
		v = semconvtab.NewestVersion(otel)
	}
	if v == "" || !slices.Contains(semconvtab.VersionsIn(otel), v) || !vendorHolds(mod, semconvtab.BasePath+"/"+v) {
		return ""
	}
	st.fixVersion = v
	return v
}

// mostImported is the version that most packages import, the newest of
// a tie, or "".
func mostImported(counts map[string]int) string {
	best, n := "", 0
	for v, c := range counts {
		if c > n || c == n && semver.Compare(v, best) > 0 {
			best, n = v, c
		}
	}
	return best
}

// semconvUse counts, per module root, how many of the module's package
// directories import each semconv version; each module is read once per
// run, and only when a fix needs it.
type semconvUse struct {
	mu sync.Mutex
	m  map[string]map[string]int
}

func (u *semconvUse) of(root string) map[string]int {
	u.mu.Lock()
	defer u.mu.Unlock()
	if counts, ok := u.m[root]; ok {
		return counts
	}
	if u.m == nil {
		u.m = map[string]map[string]int{}
	}
	counts := moduleSemconvImports(root)
	u.m[root] = counts
	return counts
}

// moduleSemconvImports reads the import clauses of the .go files of the
// module at root and counts, per semconv version, the directories that
// import it.
func moduleSemconvImports(root string) map[string]int {
	counts := map[string]int{}
	fset := token.NewFileSet()
	for d := range modresolve.PackageDirs(root) {
		ents, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		seen := map[string]bool{}
		for _, f := range ents {
			if f.IsDir() || !strings.HasSuffix(f.Name(), ".go") {
				continue
			}
			for _, path := range importPaths(fset, filepath.Join(d, f.Name())) {
				if v, ok := semconvVersionOf(path); ok && !seen[v] {
					seen[v] = true
					counts[v]++
				}
			}
		}
	}
	return counts
}

// semconvVersionOf returns the version of a semconv package's import
// path (not of its subpackages').
func semconvVersionOf(importPath string) (string, bool) {
	v, sub, ok := semconv.ImportVersion(importPath)
	return v, ok && sub == "" && semver.IsValid(v)
}

// vendorHolds reports whether mod, if its build uses vendor/ (the
// module's, or in a workspace the workspace's), has the package there.
func vendorHolds(mod *modresolve.Module, importPath string) bool {
	root := mod.Root
	if mod.Work != nil {
		root = mod.Work.Dir
	}
	if !fileExists(filepath.Join(root, "vendor", "modules.txt")) {
		return true
	}
	fi, err := os.Stat(filepath.Join(root, "vendor", filepath.FromSlash(importPath)))
	return err == nil && fi.IsDir()
}

// semconvPackage returns the semconv package at importPath as the fix
// writes it: the package itself where the package's dependencies hold it,
// else one made for the fix, which has no objects but those semconvObject
// gives it (the same one for every fix of the pass, so that a file
// imports it once).
func (st *Pass) semconvPackage(importPath string) (pkg *types.Package, real bool) {
	if st.deps == nil {
		st.deps = importGraph(st.pass.Pkg)
	}
	if p := st.deps[importPath]; p != nil {
		return p, true
	}
	if p := st.madePkgs[importPath]; p != nil {
		return p, false
	}
	if st.madePkgs == nil {
		st.madePkgs = map[string]*types.Package{}
	}
	p := types.NewPackage(importPath, semconv.PkgName)
	st.madePkgs[importPath] = p
	return p, false
}

// semconvConst returns the constant name of semconv version version with
// value v, for a fix: a key (typed attribute.Key) or an event name
// (untyped string); nil where the fix cannot write it.
func (st *Pass) semconvConst(version, name string, r site.Role, v string) *types.Const {
	if version == "" {
		return nil
	}
	pkg, real := st.semconvPackage(semconvtab.BasePath + "/" + version)
	if real {
		c, ok := pkg.Scope().Lookup(name).(*types.Const)
		if !ok || c.Val().Kind() != constant.String || constant.StringVal(c.Val()) != v {
			return nil
		}
		return c
	}
	typ := types.Type(types.Typ[types.UntypedString])
	if r == site.Key {
		if st.api.Key == nil {
			return nil
		}
		typ = st.api.Key
	}
	return types.NewConst(token.NoPos, pkg, name, typ, constant.MakeString(v))
}

// MetricConst returns the ...Name constant whose value is the metric
// name, of the semconv version that a fix may import into the package
// (FixVersion), for a fix that adds that import; nil where that version
// has no such constant.
func (st *Pass) MetricConst(otel, metric string) *types.Const {
	return st.MetricConstIn(st.FixVersion(otel), otel, metric)
}

// MetricConstIn is the ...Name constant whose value is the metric name in
// semconv version v ("" for none), where the module's otel version ships
// it; nil where it has none.
func (st *Pass) MetricConstIn(v, otel, metric string) *types.Const {
	if v == "" || !slices.Contains(semconvtab.VersionsIn(otel), v) {
		return nil
	}
	for _, d := range semconvtab.MetricNamesIn(v, metric) {
		if d.Const != "" && d.Package == semconvtab.BasePath+"/"+v && semver.Compare(d.Otel, otel) <= 0 {
			return st.semconvConst(v, d.Const, site.Event, metric) // an untyped string, as the ...Name constants are
		}
	}
	return nil
}

// Member returns the enum member variable name of semconv version
// version, for a fix, or nil.
func (st *Pass) Member(version, name string) *types.Var {
	if version == "" || st.api.KeyValue == nil {
		return nil
	}
	pkg, real := st.semconvPackage(semconvtab.BasePath + "/" + version)
	if real {
		obj, ok := pkg.Scope().Lookup(name).(*types.Var)
		if !ok || !types.Identical(obj.Type(), st.api.KeyValue) {
			return nil
		}
		return obj
	}
	return types.NewVar(token.NoPos, pkg, name, st.api.KeyValue)
}

// madeTable lists the string constants of the semconv package at
// importPath, made for a fix, from the names table: what the package
// offers once the fix imports it and uses it as a key (an attribute.Key
// constant is the semconv table's already).
func (st *Pass) madeTable(importPath string) *constList {
	pkg, _ := st.semconvPackage(importPath)
	cl := &constList{tab: map[string][]*types.Const{}}
	for n := range semconvtab.NamesIn(path.Base(importPath)) {
		if n.Kind != semconvtab.KindString {
			continue
		}
		c := types.NewConst(token.NoPos, pkg, n.Name, types.Typ[types.UntypedString], constant.MakeString(n.Value))
		cl.list = append(cl.list, constEntry{n.Value, c})
		cl.tab[n.Value] = append(cl.tab[n.Value], c)
	}
	return cl
}
