package analyzer

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/check"
	"github.com/spanattrlint/spanattrlint/internal/index"
	"github.com/spanattrlint/spanattrlint/internal/metrics"
	"github.com/spanattrlint/spanattrlint/internal/pkgpath"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// WithNewConstants returns settings under which each package's Result
// can tell what the analysis would report were more constants declared
// (Result.WithConstants): a front end that declares them (gen) needs no
// second analysis. The Result then holds the package's findings, and so
// its syntax and types, as long as it is kept.
func (s *Settings) WithNewConstants() *Settings {
	d := s.derive()
	d.newConsts = true
	return d
}

// A NewConstant is a string constant that a front end is about to declare
// (gen, in its constants file): not on disk, and so in no analysis yet.
type NewConstant struct {
	Path, PkgName string // the package that declares it
	Name, Value   string
	Key           bool // typed attribute.Key; otherwise untyped
	// Member, if not "", makes it a variable of attribute.KeyValue that
	// sets the key Member to the enum member Value (Result.Members): the
	// calls that set it so become the variable.
	Member string
	// Obj, if not nil, is a constant declared already, of a package that
	// the analysis did not have as -constants: the others are ignored.
	Obj *types.Const
}

// WithConstants returns what the analysis of the package would report
// were the constants news declared, their package named as -constants:
// the diagnostics, given diags, those it reported, and the strings left
// without a constant. The findings and the candidates found stand; the
// new constants join the candidates where such an analysis would rank
// them (index.Offer), and the fixes of the package are built again (for
// one file, where each package is written is decided for all its fixes).
// Only a Result of settings WithNewConstants can; another returns diags
// and Unmatched as they are.
func (r *Result) WithConstants(diags []analysis.Diagnostic, news []NewConstant) ([]analysis.Diagnostic, []Unmatched) {
	if r.offer == nil || len(news) == 0 {
		return diags, r.Unmatched
	}
	return r.offer(diags, news)
}

// offerConstants lets res (with WithNewConstants) build the fixes again
// with more constants; reported is the number of diagnostics reported
// before the fixes were. A metric name that no constant held (unnamed)
// gets a fix to a new untyped or string constant of its value, as
// metrics.HardCoded would have found it in a -constants package; a value
// a registry member variable names (members), the enum-member fix.
func (st *passState) offerConstants(res *Result, fs *findings, mfs, unnamed []metrics.NameFix, uses index.Uses, reported int, members []check.MemberSite) {
	if st.count == nil {
		return
	}
	res.offer = func(diags []analysis.Diagnostic, news []NewConstant) ([]analysis.Diagnostic, []Unmatched) {
		out := slices.Clone(diags[:min(reported, len(diags))])
		made := st.knownPackages(fs)
		cands := st.newCandidates(news, made)
		for _, c := range cands {
			v := constant.StringVal(c.Obj.Val())
			for _, f := range slices.Concat(fs.hardCoded, fs.derived) {
				if f.LookupValue() != v {
					continue
				}
				f.Cands = index.Offer(st.api, f.Cands, c, f.Site.Role, f.File)
			}
		}
		report := func(d analysis.Diagnostic) { out = append(out, d) }
		if st.fromCgo != nil {
			report = st.fromCgo(report)
		}
		named, left := st.offerMetricNames(cands, unnamed)
		all := *fs
		all.members = append(slices.Clone(fs.members), st.memberFindings(news, members, made)...)
		st.buildFixes(&all, slices.Concat(mfs, named), report)
		return out, append(result(fs.hardCoded, uses, nil, nil).Unmatched, metricsUnmatched(left)...)
	}
}

// offerMetricNames gives each metric name of unnamed the first of cands
// that can stand for it (a string constant, not attribute.Key, of exactly
// its value; of the package itself only where no local name hides it),
// and returns the names with a constant and those left.
func (st *passState) offerMetricNames(cands []site.Candidate, unnamed []metrics.NameFix) (named, left []metrics.NameFix) {
	for _, m := range unnamed {
		var fix *types.Const
		for _, c := range cands {
			if c.Obj == nil || c.Obj.Val().Kind() != constant.String || constant.StringVal(c.Obj.Val()) != m.Value || !check.IsUntypedOrString(c.Obj.Type()) {
				continue
			}
			if c.Obj.Pkg() == st.pass.Pkg && st.hidden(c.Obj.Name(), m.Name.Pos()) {
				continue
			}
			fix = c.Obj
			break
		}
		if fix == nil {
			left = append(left, m)
			continue
		}
		m.Const = fix
		named = append(named, m)
	}
	return named, left
}

// hidden reports whether name, a constant of the package not declared
// yet, would be hidden at pos (or clash with a declaration of the
// package): any object of that name visible there.
func (st *passState) hidden(name string, pos token.Pos) bool {
	scope := st.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		scope = st.pass.Pkg.Scope()
	}
	_, obj := scope.LookupParent(name, pos)
	return obj != nil
}

// reported is the number of diagnostics reported so far (WithNewConstants).
func (st *passState) reported() int {
	if st.count == nil {
		return 0
	}
	return *st.count
}

// knownPackages are the packages the pass knows already, by path: those
// of the findings' candidates (a -constants package) and the imports.
// A new constant of one of them is of that package, as it would be to a
// pass that saw the constants declared: one package, one import in a file.
func (st *passState) knownPackages(fs *findings) map[string]*types.Package {
	made := map[string]*types.Package{}
	for f := range fs.all() {
		for _, c := range f.Cands {
			if c.Obj != nil && c.Obj.Pkg() != nil {
				made[c.Obj.Pkg().Path()] = c.Obj.Pkg()
			}
		}
	}
	for _, imp := range st.pass.Pkg.Imports() {
		made[imp.Path()] = imp
	}
	return made
}

// newCandidates makes the candidates of the new constants that the
// package may use: those of the package itself, and those of a package
// that it may import; a key's typed attribute.Key. made holds the
// packages known (knownPackages), and those made here.
func (st *passState) newCandidates(news []NewConstant, made map[string]*types.Package) []site.Candidate {
	self := st.pass.Pkg
	var out []site.Candidate
	for _, n := range news {
		if n.Member != "" {
			continue // memberFindings
		}
		if c := n.Obj; c != nil {
			if p := c.Pkg(); p != self && p.Name() != "main" && pkgpath.Importable(self.Path(), p.Path()) {
				out = append(out, site.Candidate{Obj: c, Path: p.Path(), PkgName: p.Name(), Name: c.Name(), Source: site.FromConfigured})
			}
			continue
		}
		typ := types.Type(types.Typ[types.UntypedString])
		if n.Key {
			if st.api.Key == nil {
				continue // the package reaches no attribute.Key: no key of its can be fixed to one
			}
			typ = st.api.Key
		}
		pkg, src := self, site.FromLocal
		if n.Path != self.Path() {
			if !pkgpath.Importable(self.Path(), n.Path) {
				continue
			}
			if pkg = made[n.Path]; pkg == nil {
				pkg = types.NewPackage(n.Path, n.PkgName)
				made[n.Path] = pkg
			}
			src = site.FromConfigured
		}
		obj := types.NewConst(token.NoPos, pkg, n.Name, typ, constant.MakeString(n.Value))
		out = append(out, site.Candidate{Obj: obj, Path: n.Path, PkgName: n.PkgName, Name: n.Name, Source: src})
	}
	return out
}

// memberFindings are the enum-member findings of the new member variables
// (NewConstant.Member): each member site of the key and value becomes the
// variable, as the enum-member check's fix to a semconv member variable
// does; a hard-coded key inside the call gives way (its fix is nested).
func (st *passState) memberFindings(news []NewConstant, sites []check.MemberSite, made map[string]*types.Package) []*site.Finding {
	self := st.pass.Pkg
	var out []*site.Finding
	for _, n := range news {
		if n.Member == "" || st.api.KeyValue == nil || n.Path != self.Path() && !pkgpath.Importable(self.Path(), n.Path) {
			continue
		}
		var v *types.Var
		for _, s := range sites {
			if s.Key != n.Member || s.Value != n.Value {
				continue
			}
			if v == nil {
				pkg := self
				if n.Path != self.Path() {
					if pkg = made[n.Path]; pkg == nil {
						pkg = types.NewPackage(n.Path, n.PkgName)
						made[n.Path] = pkg
					}
				}
				v = types.NewVar(token.NoPos, pkg, n.Name, st.api.KeyValue)
			}
			mu := &site.MemberUse{Key: s.Key, Value: s.Value, IsInt: s.IsInt, Obj: v}
			out = append(out, &site.Finding{Site: &site.Site{Role: site.Key, Expr: s.Expr, Value: s.Key}, File: s.File, Enum: mu})
		}
	}
	return out
}
