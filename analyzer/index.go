package analyzer

import (
	"cmp"
	"path"

	"go/constant"
	"go/types"
	"golang.org/x/mod/semver"
	"slices"
	"strings"
	"sync"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// Where a candidate constant comes from, in order of preference.
type source int

const (
	fromLocal      source = iota // the analysed package itself
	fromConfigured               // a -constants package
	fromInUse                    // a package whose constants are already used as keys
	fromImportKey                // an attribute.Key constant of an imported package
	fromSemconv                  // the embedded semconv table (named, fixed only when imported)
)

// A candidate is a constant whose value equals a hard-coded string.
type candidate struct {
	obj     *types.Const // nil for a semconv table entry
	path    string       // import path of the constant's package
	pkgName string       // its package name
	name    string
	source  source
	role    role // for a semconv table entry: what it names
}

func (c *candidate) fixable() bool { return c.obj != nil }

// constTable maps values to the string constants of one package.
type constTable map[string][]*types.Const

// tables caches constTables of imported packages; the checker shares
// imported packages between passes, so each is scanned once per process.
type tables struct {
	mu sync.Mutex
	m  map[*types.Package]constTable
}

func (t *tables) of(pkg *types.Package) constTable {
	t.mu.Lock()
	defer t.mu.Unlock()
	if tab, ok := t.m[pkg]; ok {
		return tab
	}
	if t.m == nil {
		t.m = make(map[*types.Package]constTable)
	}
	tab := scanConsts(pkg, true)
	t.m[pkg] = tab
	return tab
}

// scanConsts collects the package-level constants of string kind.
func scanConsts(pkg *types.Package, exportedOnly bool) constTable {
	tab := make(constTable)
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		c, ok := scope.Lookup(name).(*types.Const)
		if !ok || (exportedOnly && !c.Exported()) || !isStringKind(c.Type()) || c.Val().Kind() != constant.String {
			continue
		}
		v := constant.StringVal(c.Val())
		tab[v] = append(tab[v], c)
	}
	return tab
}

func isStringKind(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// candidateSet gathers the candidates for the hard-coded values of one pass.
type candidateSet struct {
	api    *otelAPI
	values map[string][]candidate
	seen   map[*types.Const]bool
}

func newCandidateSet(api *otelAPI, need map[string]bool) *candidateSet {
	cs := &candidateSet{api: api, values: make(map[string][]candidate), seen: make(map[*types.Const]bool)}
	for v := range need {
		cs.values[v] = nil
	}
	return cs
}

// add offers the constants of tab whose value is needed, from source src.
// keep filters them (nil keeps all).
func (cs *candidateSet) add(tab constTable, src source, keep func(*types.Const) bool) {
	for v := range cs.values {
		for _, c := range tab[v] {
			if cs.seen[c] || (keep != nil && !keep(c)) {
				continue
			}
			cs.seen[c] = true
			cs.values[v] = append(cs.values[v], candidate{
				obj: c, path: c.Pkg().Path(), pkgName: c.Pkg().Name(), name: c.Name(), source: src,
			})
		}
	}
}

// addSemconvTable names the newest semconv constant for the keys and
// event names, unless an imported semconv package already offered a
// constant of that name.
func (cs *candidateSet) addSemconvTable(keys, events map[string]bool) {
	add := func(v string, r role, name string) {
		cands := cs.values[v]
		if slices.ContainsFunc(cands, func(c candidate) bool { return isSemconv(c.path) && c.name == name }) {
			return
		}
		cs.values[v] = append(cands, candidate{path: semconvtab.ImportPath, pkgName: "semconv", name: name, source: fromSemconv, role: r})
	}
	for v := range keys {
		if name, ok := semconvtab.KeyConst(v); ok {
			add(v, roleKey, name)
		}
	}
	for v := range events {
		if name, ok := semconvtab.EventConst(v); ok {
			add(v, roleEvent, name)
		}
	}
}

// compareSemconv orders import paths, semconv versions newest first (by
// semver: v1.43.0 before v1.37.0 before v1.4.0), others by path.
func compareSemconv(a, b string) int {
	if isSemconv(a) && isSemconv(b) {
		va, vb := path.Base(a), path.Base(b)
		if semver.IsValid(va) && semver.IsValid(vb) {
			if d := semver.Compare(vb, va); d != 0 {
				return d
			}
		}
	}
	return strings.Compare(a, b)
}

// ranked returns the candidates for value v usable in role r, best first:
// by source, then (for keys) attribute.Key constants before plain strings,
// then by package path and name, so the choice never depends on map order.
func (cs *candidateSet) ranked(v string, r role) []candidate {
	var out []candidate
	for _, c := range cs.values[v] {
		if c.obj != nil && r != roleKey && cs.api.isKey(c.obj.Type()) {
			continue // an attribute.Key names a key, not an event or span
		}
		if c.obj == nil && c.role != r {
			continue // a semconv key for a key, an event name for an event
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b candidate) int {
		if d := cmp.Compare(a.source, b.source); d != 0 {
			return d
		}
		if r == roleKey {
			ak, bk := a.obj != nil && cs.api.isKey(a.obj.Type()), b.obj != nil && cs.api.isKey(b.obj.Type())
			if ak != bk {
				if ak {
					return -1
				}
				return 1
			}
		}
		return cmp.Or(compareSemconv(a.path, b.path), strings.Compare(a.name, b.name))
	})
	return out
}
