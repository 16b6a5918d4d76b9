package index

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/pkgpath"
	"github.com/spanattrlint/spanattrlint/internal/rules"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// A Table is the constants of one package, from one source.
type Table struct {
	consts *constList
	src    site.Source
	keep   func(constEntry) bool // nil keeps all
}

// gatherSources lists the constant tables that may name a hard-coded
// string, in order of preference: 1. the package itself; 2. the -constants
// packages; 3. packages whose constants are already used as keys or event
// names; 4. the attribute.Key constants of every imported package (a
// semconv package's event names too). Only a package with a finding needs
// them, which may mean reading a -constants package from source.
func (st *Pass) gatherSources(all []*site.Finding, uses Uses) []Table {
	if len(all) == 0 {
		return nil
	}
	srcs := []Table{st.localSource(uses.LocalUse)}
	srcs = st.appendConfigured(srcs)
	return st.appendImported(srcs, uses)
}

// localSource is the package's own constants that are keys: typed so,
// used so, or namespaced (a Prometheus label "allowed" is not an
// attribute key), or declared in one const group with such keys and used
// as nothing else (openfga's allowedLabel, beside a key in its group, is
// a metric label where it is used).
func (st *Pass) localSource(localUse map[*types.Const]site.Role) Table {
	isKey := func(e constEntry) bool {
		_, used := localUse[e.c]
		return used || st.api.IsKey(e.c.Type()) || strings.Contains(e.value, ".")
	}
	grouped := keyGroups(st.pass, isKey)
	usedOtherwise := map[*types.Const]bool{}
	for _, obj := range st.pass.TypesInfo.Uses {
		if c, ok := obj.(*types.Const); ok && grouped[c] {
			if _, key := localUse[c]; !key {
				usedOtherwise[c] = true
			}
		}
	}
	return Table{consts: &constList{list: scanConsts(st.pass.Pkg, false)}, src: site.FromLocal, keep: func(e constEntry) bool {
		return isKey(e) || grouped[e.c] && !usedOtherwise[e.c]
	}}
}

// appendConfigured adds the -constants packages that the package may
// import (ConfiguredPackages).
func (st *Pass) appendConfigured(out []Table) []Table {
	for _, pkg := range st.ConfiguredPackages() {
		out = append(out, Table{consts: st.run.tables.of(pkg), src: site.FromConfigured})
	}
	return out
}

// ConfiguredPackages returns the -constants packages that the package may
// import (not itself, nor one that imports it), in the order -constants
// resolves them, type-checking from source those it does not depend on
// already. They are found once per pass, so that the key fixes and the
// metric fixes of a file write the same package (and import it once).
func (st *Pass) ConfiguredPackages() []*types.Package {
	if st.configuredDone {
		return st.configured
	}
	st.configuredDone = true
	if st.mod == nil {
		return nil
	}
	self := st.pass.Pkg.Path()
	graph := importGraph(st.pass.Pkg)
	for _, pd := range st.mod.pkgs {
		if pd.path == self || !pkgpath.Importable(self, pd.path) {
			continue
		}
		pkg := graph[pd.path]
		if pkg == nil {
			if st.loader.importsPkg(st.mod, pd.path, self, graph, &st.run.imports) {
				continue // importing it would make a cycle
			}
			pkg = st.loader.load(st.mod, pd, graph, &st.run.loaded)
		}
		if pkg != nil && pkg.Name() != "main" {
			st.configured = append(st.configured, pkg)
		}
	}
	return st.configured
}

// appendImported adds the imported packages, in path order: whole, those
// whose constants are in use as keys or names; then the attribute.Key
// constants (and a semconv package's event names) of every one.
func (st *Pass) appendImported(out []Table, uses Uses) []Table {
	imports := slices.Clone(st.pass.Pkg.Imports())
	slices.SortFunc(imports, func(a, b *types.Package) int { return strings.Compare(a.Path(), b.Path()) })
	for _, imp := range imports {
		if uses.InUse[imp.Path()] {
			out = append(out, Table{consts: st.run.tables.of(imp), src: site.FromInUse})
		}
	}
	for _, p := range slices.Sorted(maps.Keys(uses.MadeInUse)) {
		out = append(out, Table{consts: st.madeTable(p), src: site.FromInUse})
	}
	api := st.api
	for _, imp := range imports {
		semconv := otelapi.IsSemconv(imp.Path())
		out = append(out, Table{consts: st.run.tables.of(imp), src: site.FromImportKey, keep: func(e constEntry) bool {
			return api.IsKey(e.c.Type()) || semconv && strings.HasSuffix(e.c.Name(), "EventName")
		}})
	}
	return out
}

// importGraph maps the import paths of every package that pkg depends on.
func importGraph(pkg *types.Package) map[string]*types.Package {
	graph := map[string]*types.Package{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if _, ok := graph[imp.Path()]; !ok {
				graph[imp.Path()] = imp
				walk(imp)
			}
		}
	}
	walk(pkg)
	return graph
}

// A constList is the string constants of one package in name order, with
// their values; tab indexes them by value, for imported packages, which
// the process keeps (the analysed package's list is joined without one).
type constList struct {
	list []constEntry
	tab  map[string][]*types.Const
}

type constEntry struct {
	value string
	c     *types.Const
}

// tables caches the constants of imported packages; the checker shares
// imported packages between the passes of a run, so each is scanned once
// per run (or twice, when two passes meet it at the same time). The lock
// guards only the map.
type tables struct {
	mu sync.Mutex
	m  map[*types.Package]*constList
}

func (t *tables) of(pkg *types.Package) *constList {
	t.mu.Lock()
	cl, ok := t.m[pkg]
	t.mu.Unlock()
	if ok {
		return cl
	}
	// Scanned without the lock: passes on other goroutines scan other
	// packages meanwhile. Two that scan the same package make equal
	// lists, and the first one kept is the one every pass uses.
	cl = &constList{list: scanConsts(pkg, true), tab: map[string][]*types.Const{}}
	for _, e := range cl.list {
		cl.tab[e.value] = append(cl.tab[e.value], e.c)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if kept, ok := t.m[pkg]; ok {
		return kept
	}
	if t.m == nil {
		t.m = make(map[*types.Package]*constList)
	}
	t.m[pkg] = cl
	return cl
}

// scanConsts lists the package-level constants of string kind.
func scanConsts(pkg *types.Package, exportedOnly bool) []constEntry {
	var out []constEntry
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		c, ok := scope.Lookup(name).(*types.Const)
		if !ok || (exportedOnly && !c.Exported()) || !isStringKind(c.Type()) || c.Val().Kind() != constant.String {
			continue
		}
		out = append(out, constEntry{constant.StringVal(c.Val()), c})
	}
	return out
}

func isStringKind(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// keyGroups returns the package-level string constants declared in one
// const ( ... ) group with a constant that isKey accepts: a group that
// holds "event.type" makes its "phase" a key too.
func keyGroups(pass *analysis.Pass, isKey func(constEntry) bool) map[*types.Const]bool {
	out := map[*types.Const]bool{}
	var group []constEntry
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST || !gd.Lparen.IsValid() || len(gd.Specs) < 2 {
				continue
			}
			group = group[:0]
			keys := false
			for _, spec := range gd.Specs {
				for _, name := range spec.(*ast.ValueSpec).Names {
					c, ok := pass.TypesInfo.Defs[name].(*types.Const)
					if !ok || !isStringKind(c.Type()) || c.Val().Kind() != constant.String {
						continue
					}
					e := constEntry{constant.StringVal(c.Val()), c}
					group = append(group, e)
					keys = keys || isKey(e)
				}
			}
			if keys {
				for _, e := range group {
					out[e.c] = true
				}
			}
		}
	}
	return out
}

// Configured reports whether -constants names the package at path.
func Configured(mod *Module, path string) bool {
	return mod != nil && slices.ContainsFunc(mod.pkgs, func(pd pkgDir) bool { return pd.path == path })
}

// adoptFixedPackages marks as in use the packages whose constants the
// fixes will write as keys or event names, and reports whether that adds
// any: a package in use offers all its constants (appendImported), so
// after the fixes a second run would find candidates that this one did
// not (a constants package whose key one fix writes names the event that
// the run said no constant defines). The caller ranks again until
// nothing is added, so that one -fix run leaves nothing to fix.
func (st *Pass) adoptFixedPackages(all []*site.Finding, uses Uses) (Uses, bool) {
	more := Uses{InUse: maps.Clone(uses.InUse), MadeInUse: maps.Clone(uses.MadeInUse), LocalUse: uses.LocalUse}
	added := false
	for _, f := range all {
		c := f.FixConst()
		if c == nil || f.NoFix || f.Site.Role == site.SpanName {
			continue
		}
		p := c.Pkg()
		if p == st.pass.Pkg || more.InUse[p.Path()] {
			continue
		}
		if st.madePkgs[p.Path()] == p {
			// A package made for a semconv fix: after the fix the
			// package imports it and uses it, and so is offered all its
			// string constants (madeTable).
			if !more.MadeInUse[p.Path()] {
				if more.MadeInUse == nil {
					more.MadeInUse = map[string]bool{}
				}
				more.MadeInUse[p.Path()] = true
				added = true
			}
			continue
		}
		more.InUse[p.Path()] = true
		added = true
	}
	return more, added
}

// Pool lists the values of the candidate constants, for near misses of
// the project's own keys, in the sources' order (a value may repeat; the
// first is preferred). A table kept whole is listed once.
func Pool(pass *analysis.Pass, srcs []Table) []rules.PoolEntry {
	pool := []rules.PoolEntry{}
	whole := map[*constList]bool{}
	for _, st := range srcs {
		if whole[st.consts] {
			continue
		}
		if st.keep == nil {
			whole[st.consts] = true
		}
		for _, e := range st.consts.list {
			if st.keep != nil && !st.keep(e) {
				continue
			}
			pe := rules.PoolEntry{Value: e.value, Data: rules.ConstRef{Name: e.c.Name()}}
			if e.c.Pkg() != pass.Pkg {
				pe.Data.Pkg = e.c.Pkg().Name()
			}
			pool = append(pool, pe)
		}
	}
	return pool
}
