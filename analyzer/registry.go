package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/check"
	"github.com/spanattrlint/spanattrlint/internal/find"
	"github.com/spanattrlint/spanattrlint/internal/metrics"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/regcheck"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// The seam to the registry checks (internal/regcheck): the sites that
// collectSites finds, hard-coded or constant, go to regcheck with the
// registry of -registry, and what it returns is reported.

// registryFor returns the registry of -registry as seen from the module
// that holds dir, read on its first use in that module; nil without
// -registry. A registry that cannot be read is a ConfigError of one line,
// "registry/shop.yaml:LINE:COL: what".
func (s *Settings) registryFor(dir string) (*regcheck.Registry, error) {
	if s.reg == nil || dir == "" && !filepath.IsAbs(s.cfg.Registry) {
		// No -registry; or a package with no directory of its own (the
		// test main that go test generates), whose module is unknown and
		// which holds no key of the user's.
		return nil, nil
	}
	root := ""
	if dir != "" {
		if m, err := s.res.Module(dir); err == nil {
			root = m.Root
		}
	}
	reg, err := s.reg.For(root)
	if err != nil {
		return nil, &ConfigError{Err: err}
	}
	return reg, nil
}

// ShareRegistryIn makes the settings serve go vet, which runs a process
// per package: -registry is read only by a process whose package can hold
// a key or event name (not in Prepare), and the first to read it leaves
// it in dir, go vet's work directory of the run, for the others to decode
// (regcheck.Loader.ShareIn). A registry that cannot be read is still said
// before the package is analysed. Call it before Prepare.
func (s *Settings) ShareRegistryIn(dir string) {
	if s.reg != nil {
		s.reg.ShareIn(dir)
		s.lazyRegistry = true
	}
}

// registrySites are the keys and event names of the package's sites,
// hard-coded or constant, as regcheck takes them, those under //nolint
// or in generated files left out.
func (st *passState) registrySites(sites []find.Found) []regcheck.Site {
	var out []regcheck.Site
	for _, fs := range sites {
		s := fs.Site
		var r regcheck.Role
		switch s.Role {
		case site.Key:
			r = regcheck.Key
		case site.Event:
			r = regcheck.Event
		default:
			continue
		}
		if st.sup.Suppressed(fs.File, s.Expr.Pos()) {
			continue
		}
		_, lit := s.Expr.(*ast.BasicLit)
		out = append(out, regcheck.Site{Value: s.Value, Role: r, Pos: s.Expr.Pos(), End: s.Expr.End(), Literal: lit})
	}
	return out
}

// checkRegistry reports what the registry says of the package's sites
// and value sites. A -migrate-deprecated rename of a hard-coded key
// withholds the key's own fix (to a constant of the old key), as
// migrates does for a semantic-convention key.
// It returns the undeclared keys and event names that a declaration would
// declare, for the Result (gen -declare).
func (st *passState) checkRegistry(sites []find.Found, vals []check.ValueSite, hardCoded []*site.Finding) []Undeclared {
	if st.reg == nil {
		return nil
	}
	regSites := st.registrySites(sites)
	diags, missing := regcheck.UndeclaredMissing(st.reg, regSites)
	for _, d := range diags {
		st.reportRegistry(d)
	}
	opts := regcheck.Options{
		ValueTypes: !st.cfg.NoValueTypes, EnumMembers: !st.cfg.NoEnumMembers, Stability: st.cfg.Stability,
		Deprecated: !st.cfg.NoDeprecated, MigrateDeprecated: st.cfg.MigrateDeprecated,
	}
	regVals := check.RegistryValueSites(st.pass, st.sup, vals)
	for _, d := range regcheck.Values(st.reg, regSites, regVals, opts) {
		if d.Fix != nil {
			withdrawFixAt(hardCoded, d.Pos) // the rename and a fix to the old key's constant would compete
		}
		st.reportRegistry(d)
	}
	return undeclaredResult(missing, regVals)
}

// undeclaredResult are the missing sites as the Result gives them, each
// key with the registry types of the values the package sets it with.
func undeclaredResult(missing []regcheck.Missing, vals []regcheck.ValueSite) []Undeclared {
	if len(missing) == 0 {
		return nil
	}
	types := map[string][]string{}
	for _, v := range vals {
		if v.Class != "" && !slices.Contains(types[v.Key], v.Class) {
			types[v.Key] = append(types[v.Key], v.Class)
		}
	}
	out := make([]Undeclared, 0, len(missing))
	for _, s := range missing {
		u := Undeclared{Value: s.Value, Role: site.Event.String(), Pos: s.Pos, Near: s.Near}
		if s.Role == regcheck.Key {
			u.Role, u.Types = site.Key.String(), types[s.Value]
		}
		out = append(out, u)
	}
	return out
}

// checkRegistryMetrics reports the constant metric names of the
// package's instruments that the registry does not declare, those under
// //nolint or in generated files left out.
func (st *passState) checkRegistryMetrics(ins []metrics.Instrument) {
	var sites []regcheck.Site
	seen := map[token.Pos]bool{}
	for _, in := range ins {
		pos := in.Name.Pos()
		if !in.NameConst || seen[pos] || st.sup.Suppressed(in.File, pos) {
			continue
		}
		seen[pos] = true
		_, lit := in.Name.(*ast.BasicLit)
		sites = append(sites, regcheck.Site{Value: in.NameValue, Role: regcheck.Metric, Pos: pos, End: in.Name.End(), Literal: lit})
	}
	for _, d := range regcheck.Undeclared(st.reg, sites) {
		st.reportRegistry(d)
	}
}

// registryMetric is the registry's declaration of a metric, for the
// metric checks (metrics.Options.Declared).
func (st *passState) registryMetric(name string) (metrics.Declaration, bool) {
	m, where, ok := st.reg.DeclaredMetric(name)
	if !ok {
		return metrics.Declaration{}, false
	}
	d := metrics.Declaration{Instrument: m.Instrument, Unit: m.Unit, Source: "the registry (" + where + ")", Stability: m.Stability}
	if m.Deprecated != nil {
		d.Deprecated, d.Deprecation = true, regcheck.DeprecationNote(m.Deprecated)
		if m.Deprecated.Reason == "renamed" {
			d.RenamedTo = m.Deprecated.RenamedTo
		}
	}
	return d, true
}

// withdrawFixAt withdraws the fix of the hard-coded finding at pos, as
// deprecations does for a semantic-convention key that -migrate-deprecated
// renames.
func withdrawFixAt(hardCoded []*site.Finding, pos token.Pos) {
	for _, f := range hardCoded {
		if f.Site.Expr.Pos() == pos {
			f.NoFix = true
		}
	}
}

// declaredByRegistry reports whether -registry declares key, whose type
// the registry then gives (regcheck.Values), not the one-key-one-type rule
// of a project key.
func (st *passState) declaredByRegistry(key string) bool {
	if st.reg == nil {
		return false
	}
	_, ok := st.reg.Lookup(key)
	return ok
}

func (st *passState) reportRegistry(d regcheck.Diagnostic) {
	ad := analysis.Diagnostic{Pos: d.Pos, End: d.End, Category: string(d.Category), Message: d.Message}
	if d.Fix != nil {
		ad.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   d.Fix.Message,
			TextEdits: []analysis.TextEdit{{Pos: d.Fix.Pos, End: d.Fix.End, NewText: []byte(d.Fix.NewText)}},
		}}
	}
	st.pass.Report(ad)
}

// registryMembers are the value sites that set a key of -registry to a
// member of its enum, for gen -registry -into (Result.Members,
// NewConstant.Member); nil unless WithNewConstants and -registry.
func (st *passState) registryMembers(vals []check.ValueSite) []check.MemberSite {
	if st.reg == nil || st.count == nil || st.cfg.NoEnumMembers {
		return nil
	}
	return check.RegistryMembers(st.pass, st.sup, vals, st.reg.CurrentMember)
}

// memberResult are the member sites as the Result gives them.
func memberResult(sites []check.MemberSite) []Member {
	var out []Member
	for _, s := range sites {
		out = append(out, Member{Key: s.Key, Value: s.Value, ID: s.ID, IsInt: s.IsInt, Pos: s.Expr.Pos()})
	}
	return out
}

// registryMemberFindings are the enum-member findings of the registry's
// own enum keys: a constant value set to a current member of the key,
// where a variable names that member in the package, a package it
// imports or a -constants package; fixed to the variable as a semconv
// member is (MemberMessage, the same fix). gen finds its own (a member
// variable it may write) and is left to it.
func (st *passState) registryMemberFindings(vals []check.ValueSite) []*site.Finding {
	if st.reg == nil || st.count != nil || st.cfg.NoEnumMembers || st.api.KeyValue == nil || st.api.Key == nil {
		return nil
	}
	var out []*site.Finding
	for _, s := range check.RegistryMembers(st.pass, st.sup, vals, st.reg.CurrentMember) {
		v := st.memberVar(s.Key, s.ID, site.InTestFile(st.pass.Fset, s.File.Pos()))
		if v == nil {
			continue
		}
		mu := &site.MemberUse{Key: s.Key, Value: s.Value, IsInt: s.IsInt, Obj: v}
		out = append(out, &site.Finding{Site: &site.Site{Role: site.Key, Expr: s.Expr, Value: s.Key}, File: s.File, Enum: mu})
	}
	return out
}

// memberVar is the variable that names key's member id, or nil: in the
// first package (the package itself, its imports, the -constants
// packages) that declares key as a constant FooKey of type attribute.Key,
// the one variable of type attribute.KeyValue called Foo and the member's
// id, as gen -registry -into and Weaver's Go templates write it
// (ShopOrderStatusKey, ShopOrderStatusPaid; "in_progress" as InProgress,
// initialisms as they come: the id's letters and digits, case aside). Its
// value is not in the export data of an imported package: the name, the
// type and the key constant beside it are what identify it, as the
// semconv packages' members are identified. From a file of the package's
// own build (inTest false), a variable of one of its test files is not
// taken: that build lacks it.
func (st *passState) memberVar(key, id string, inTest bool) *types.Var {
	pkgs := append([]*types.Package{st.pass.Pkg}, st.pass.Pkg.Imports()...)
	pkgs = append(pkgs, st.ix.ConfiguredPackages()...)
	want := alnumFold(id)
	for _, pkg := range pkgs {
		if otelapi.IsSemconv(pkg.Path()) {
			continue
		}
		scope := pkg.Scope()
		var bases []string // of every key constant: a variable belongs to the longest that starts its name
		base := ""
		for _, name := range scope.Names() {
			c, ok := scope.Lookup(name).(*types.Const)
			if !ok || !c.Exported() || !types.Identical(c.Type(), st.api.Key) || c.Val().Kind() != constant.String {
				continue
			}
			if b, ok := strings.CutSuffix(name, "Key"); ok {
				bases = append(bases, b)
				if constant.StringVal(c.Val()) == key {
					base = b
				}
			}
		}
		if base == "" {
			continue
		}
		var found *types.Var
		for _, vn := range scope.Names() {
			rest, ok := strings.CutPrefix(vn, base)
			v, isVar := scope.Lookup(vn).(*types.Var)
			if !ok || !isVar || !v.Exported() || rest == "" || alnumFold(rest) != want || !types.Identical(v.Type(), st.api.KeyValue) ||
				!inTest && pkg == st.pass.Pkg && site.InTestFile(st.pass.Fset, v.Pos()) {
				continue
			}
			if slices.ContainsFunc(bases, func(b string) bool { return len(b) > len(base) && strings.HasPrefix(vn, b) }) {
				continue // ShopOrderStatusPaid is shop.order.status's, not shop.order's
			}
			if found != nil {
				return nil // two: which one is not known
			}
			found = v
		}
		if found != nil {
			return found
		}
	}
	return nil
}

// alnumFold is s's letters and digits, lower case.
func alnumFold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
