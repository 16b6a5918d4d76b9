package index

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/rewrite"
	"github.com/spanattrlint/spanattrlint/internal/semconv"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// rankCandidates gathers the candidate constants for the findings' values
// (for a deprecation, its new key's), in order of preference, and gives
// each finding its ranked list.
func (st *Pass) rankCandidates(all []*site.Finding, srcs []Table) {
	pass := st.pass
	n := len(all)
	cs := newCandidateSet(st.api, pass.Pkg, pass.Fset, n)
	ids := make([]int32, 0, n)
	for _, f := range all {
		ids = append(ids, cs.need(f.LookupValue(), f.Site.Role))
	}
	for _, src := range srcs {
		cs.add(src)
	}
	// 5. The newest semantic conventions of the module's otel version,
	// named even where not imported.
	otel := st.moduleOtel(st.dir)
	cs.addSemconvTable(otel, func() string { return st.FixVersion(otel) }, st.semconvConst)
	if len(srcs) > 0 && srcs[0].src == site.FromLocal {
		cs.addFilteredLocal(srcs[0], st.saysKey)
	}
	testFile := map[*ast.File]bool{}
	for _, f := range pass.Files {
		testFile[f] = strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go")
	}
	i := 0
	for _, f := range all {
		cands := cs.ranked(ids[i], f.Site.Role)
		if !testFile[f.File] {
			cands = slices.DeleteFunc(cands, func(c site.Candidate) bool { return c.TestOnly })
		}
		f.Cands = preferImported(cands, f.File)
		i++
	}
}

// preferImported moves to the front the first candidate, among those of
// the best source, whose package the file already imports: its import is
// reused rather than another version's added.
func preferImported(cands []site.Candidate, file *ast.File) []site.Candidate {
	for i := 1; i < len(cands) && cands[i].Source == cands[0].Source; i++ {
		if cands[0].Obj != nil && rewrite.Imports(file, cands[0].Path) {
			return cands
		}
		if cands[i].Obj != nil && rewrite.Imports(file, cands[i].Path) {
			c := cands[i]
			copy(cands[1:i+1], cands[:i])
			cands[0] = c
			return cands
		}
	}
	return cands
}

// candidateSet gathers the candidates for the hard-coded values of one
// pass. Each distinct value gets a number once; everything else about it
// is in slices by that number rather than in more maps keyed by strings.
type candidateSet struct {
	api    *otelapi.API
	local  *types.Package
	fset   *token.FileSet
	ids    map[string]int32
	values []string
	roles  []uint8 // 1<<roleKey | 1<<roleEvent: what the value is used as
	cands  [][]site.Candidate
}

// newCandidateSet makes a set for at most n values.
func newCandidateSet(api *otelapi.API, local *types.Package, fset *token.FileSet, n int) *candidateSet {
	return &candidateSet{
		api: api, local: local, fset: fset, ids: make(map[string]int32, n),
		values: make([]string, 0, n), roles: make([]uint8, 0, n), cands: make([][]site.Candidate, 0, n),
	}
}

// need numbers value v, used in role r.
func (cs *candidateSet) need(v string, r site.Role) int32 {
	id, ok := cs.ids[v]
	if !ok {
		id = int32(len(cs.values))
		cs.ids[v] = id
		cs.values = append(cs.values, v)
		cs.roles = append(cs.roles, 0)
		cs.cands = append(cs.cands, nil)
	}
	cs.roles[id] |= 1 << r
	return id
}

// add offers the constants of st whose value is needed, walking whichever
// of the source and the needed values is shorter.
func (cs *candidateSet) add(st Table) {
	offer := func(id int32, e constEntry) {
		c := e.c
		if st.keep != nil && !st.keep(e) || slices.ContainsFunc(cs.cands[id], func(x site.Candidate) bool { return x.Obj == c }) {
			return
		}
		cs.cands[id] = append(cs.cands[id], site.Candidate{
			Obj: c, Path: c.Pkg().Path(), PkgName: c.Pkg().Name(), Name: c.Name(), Source: st.src,
			TestOnly: c.Pkg() == cs.local && strings.HasSuffix(cs.fset.File(c.Pos()).Name(), "_test.go"),
		})
	}
	if st.consts.tab == nil || len(st.consts.list) <= len(cs.ids) {
		for _, e := range st.consts.list {
			if id, ok := cs.ids[e.value]; ok {
				offer(id, e)
			}
		}
		return
	}
	for id, v := range cs.values {
		for _, c := range st.consts.tab[v] {
			offer(int32(id), constEntry{v, c})
		}
	}
}

// addSemconvTable names, for the keys and event names, the constant of
// the newest semconv package that otel (the otel version the module
// requires; "" when unknown) ships, unless an imported semconv package
// already offered a constant of that name. Where that package has none
// but a newer one does, and nothing else names the value, it says which
// otel version would. A key that newer packages dropped (deprecated) is
// not named from an older one: the deprecation check speaks for it.
// Where semconv version fixVersion() (FixVersion, asked only when
// needed; nil or "" for none) has a constant with the value, that one is
// named instead, and fixed: made gives the constant the fix writes (nil:
// none).
func (cs *candidateSet) addSemconvTable(otel string, fixVersion func() string, made func(version, name string, r site.Role, v string) *types.Const) {
	newest := semconvtab.NewestVersion(otel)
	add := func(id int, r site.Role, in, since, after func(string, string) (semconvtab.Const, bool)) {
		v := cs.values[id]
		cands := cs.cands[id]
		c, ok := in(newest, v)
		if !ok {
			if len(cands) > 0 || otel == "" {
				return
			}
			if o, ok := after(newest, v); ok {
				cs.cands[id] = append(cands, site.Candidate{Path: o.ImportPath(), PkgName: "semconv", Name: o.Name, Source: site.FromSemconv, Role: r, Unavailable: true,
					Note: fmt.Sprintf("go.opentelemetry.io/otel %s, which the module requires, has no semconv constant for it: semconv.%s needs otel %s or newer (import %q)", otel, o.Name, o.Otel, o.ImportPath())})
			}
			return
		}
		if slices.ContainsFunc(cands, func(x site.Candidate) bool { return otelapi.IsSemconv(x.Path) && x.Name == c.Name }) {
			return
		}
		fixV := ""
		if fixVersion != nil {
			fixV = fixVersion()
		}
		if fixV != "" && fixV != newest {
			if fc, ok := in(fixV, v); ok {
				c = fc
			}
		}
		cand := site.Candidate{Path: c.ImportPath(), PkgName: "semconv", Name: c.Name, Source: site.FromSemconv, Role: r}
		if fixV != "" && c.Version == fixV {
			cand.Obj = made(fixV, c.Name, r, v)
		}
		if otel == "" {
			// No go.mod to tell (Bazel): rather than an import the
			// module may not have, the otel version the constant needs,
			// from the oldest semconv package with it on.
			cand.NoImport = true
			o, _ := since(newest, v)
			cand.Note = fmt.Sprintf(", which needs go.opentelemetry.io/otel %s or newer (semconv/%s", o.Otel, o.Version)
			if o.Version != c.Version {
				cand.Note += fmt.Sprintf("; its newest package, semconv/%s, needs otel %s", c.Version, c.Otel)
			}
			cand.Note += ")"
		}
		cs.cands[id] = append(cands, cand)
	}
	for id := range cs.values {
		if cs.roles[id]&(1<<site.Key) != 0 {
			add(id, site.Key, inVersion(semconvtab.KeyIn), semconvtab.KeySince, semconvtab.KeyAfter)
		}
		if cs.roles[id]&(1<<site.Event) != 0 {
			add(id, site.Event, inVersion(semconvtab.EventIn), semconvtab.EventSince, semconvtab.EventAfter)
		}
	}
}

// inVersion adapts KeyIn and EventIn to the shape of KeySince.
func inVersion(f func(version, value string) (string, bool)) func(string, string) (semconvtab.Const, bool) {
	return func(version, value string) (semconvtab.Const, bool) {
		name, ok := f(version, value)
		if !ok {
			return semconvtab.Const{}, false
		}
		otel, _ := semconvtab.FirstOtel(version)
		return semconvtab.Const{Version: version, Name: name, Otel: otel}, true
	}
}

// addFilteredLocal offers, for the values that nothing else names, the
// analysed package's own constants that the key rules of st (the local
// source) left out, but whose name or use says they name a key (saysKey):
// the message names them, the fix does not use them. A constant whose
// value merely coincides with a key (testQueryString = "query") is not
// named.
func (cs *candidateSet) addFilteredLocal(st Table, saysKey func([]*types.Const) map[*types.Const]bool) {
	if st.keep == nil {
		return
	}
	var left []*types.Const
	for _, e := range st.consts.list {
		if _, ok := cs.ids[e.value]; ok && !st.keep(e) {
			left = append(left, e.c)
		}
	}
	if len(left) == 0 {
		return
	}
	keyish := saysKey(left)
	for _, e := range st.consts.list {
		id, ok := cs.ids[e.value]
		if !ok || !keyish[e.c] || st.keep(e) || slices.ContainsFunc(cs.cands[id], func(c site.Candidate) bool { return !c.NotKey && !c.Unavailable }) {
			continue
		}
		c := e.c
		// The package's own constant says more than an otel upgrade.
		cs.cands[id] = slices.DeleteFunc(cs.cands[id], func(c site.Candidate) bool { return c.Unavailable })
		cs.cands[id] = append(cs.cands[id], site.Candidate{
			Obj: c, Path: c.Pkg().Path(), PkgName: c.Pkg().Name(), Name: c.Name(), Source: site.FromLocal, NotKey: true,
			TestOnly: strings.HasSuffix(cs.fset.File(c.Pos()).Name(), "_test.go"),
		})
	}
}

// ranked returns the candidates for value v usable in role r, best first:
// by source, then (for keys) attribute.Key constants before plain strings,
// then by package path and name, so the choice never depends on map order.
func (cs *candidateSet) ranked(id int32, r site.Role) []site.Candidate {
	var out []site.Candidate
	for _, c := range cs.cands[id] {
		if c.Obj != nil && r != site.Key && cs.api.IsKey(c.Obj.Type()) {
			continue // an attribute.Key names a key, not an event or span
		}
		if (c.Obj == nil || c.Source == site.FromSemconv) && c.Role != r {
			continue // a semconv key for a key, an event name for an event
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, compareCandidates(cs.api, r))
	return out
}

// compareCandidates orders the candidates for a value in role r, best
// first: by source, then (for keys) attribute.Key constants before plain
// strings, then by package path and name.
func compareCandidates(api *otelapi.API, r site.Role) func(a, b site.Candidate) int {
	return func(a, b site.Candidate) int {
		if d := cmp.Compare(a.Source, b.Source); d != 0 {
			return d
		}
		if r == site.Key {
			ak, bk := a.Obj != nil && api.IsKey(a.Obj.Type()), b.Obj != nil && api.IsKey(b.Obj.Type())
			if ak != bk {
				if ak {
					return -1
				}
				return 1
			}
		}
		return cmp.Or(semconv.ComparePaths(a.Path, b.Path), strings.Compare(a.Name, b.Name))
	}
}

// Offer adds c, a constant not declared when the pass ranked them (one
// that a front end such as gen is about to declare), to the ranked
// candidates of a finding in role r written in file, where a pass that
// saw it declared would rank it: a constant of the analysed package
// (FromLocal) or of a -constants package (FromConfigured), never a
// test-only one. An attribute.Key constant names no event or span; and
// as rankCandidates does, a constant the code can use takes the place of
// the package's own constants that the key rules left out (NotKey).
func Offer(api *otelapi.API, cands []site.Candidate, c site.Candidate, r site.Role, file *ast.File) []site.Candidate {
	if r != site.Key && api.IsKey(c.Obj.Type()) {
		return cands
	}
	out := slices.DeleteFunc(slices.Clone(cands), func(x site.Candidate) bool { return x.NotKey })
	out = append(out, c)
	slices.SortStableFunc(out, compareCandidates(api, r))
	return preferImported(out, file)
}

// saysKey picks, among the package's constants cs, those whose name or
// use says that they name a key: a name that ends in Key, Attr or
// Attribute (statusKey, StatusAttr), or a use as a struct field or a
// parameter called key or ending in Key (Tag{Key: taskQueue},
// NewTag(key, value string)). Only the package's files are read, and only
// when some constant needs it.
func (st *Pass) saysKey(cs []*types.Const) map[*types.Const]bool {
	out := map[*types.Const]bool{}
	want := map[*types.Const]bool{}
	for _, c := range cs {
		n := c.Name()
		if strings.HasSuffix(n, "Key") || strings.HasSuffix(n, "Attr") || strings.HasSuffix(n, "Attribute") {
			out[c] = true
		} else {
			want[c] = true
		}
	}
	if len(want) == 0 {
		return out
	}
	info := st.pass.TypesInfo
	named := func(e ast.Expr) *types.Const {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.CallExpr: // a conversion: string(taskQueue)
				if len(x.Args) != 1 || !info.Types[x.Fun].IsType() {
					return nil
				}
				e = x.Args[0]
				continue
			case *ast.Ident:
				c, _ := info.Uses[x].(*types.Const)
				if want[c] {
					return c
				}
			case *ast.SelectorExpr:
				c, _ := info.Uses[x.Sel].(*types.Const)
				if want[c] {
					return c
				}
			}
			return nil
		}
	}
	keyName := func(n string) bool { return n == "key" || strings.HasSuffix(n, "Key") }
	for _, f := range st.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && keyName(id.Name) {
					if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
						if c := named(n.Value); c != nil {
							out[c] = true
						}
					}
				}
			case *ast.CallExpr:
				sig, ok := info.TypeOf(n.Fun).(*types.Signature)
				if !ok {
					return true
				}
				for i, a := range n.Args {
					c := named(a)
					if c == nil {
						continue
					}
					p := i
					if sig.Variadic() && p >= sig.Params().Len()-1 {
						p = sig.Params().Len() - 1
					}
					if p < sig.Params().Len() && keyName(sig.Params().At(p).Name()) {
						out[c] = true
					}
				}
			}
			return true
		})
	}
	return out
}

// SemconvCandidates are the candidates that the semantic conventions'
// tables alone offer for value in role r, ranked, for a module whose otel
// version is otel ("" if unknown) and a package that imports no semconv
// package and gets no fix: what a message names then.
func SemconvCandidates(value string, r site.Role, otel string) []site.Candidate {
	cs := newCandidateSet(nil, nil, nil, 1)
	id := cs.need(value, r)
	cs.addSemconvTable(otel, nil, nil)
	return cs.ranked(id, r)
}
