package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/regcheck"
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
		return nil, &ConfigError{err}
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

// addRegistrySite keeps a key or event name for the registry checks.
func (st *passState) addRegistrySite(f *ast.File, s *site) {
	var r regcheck.Role
	switch s.role {
	case roleKey:
		r = regcheck.Key
	case roleEvent:
		r = regcheck.Event
	default:
		return
	}
	if st.sup.suppressed(f, s.expr.Pos()) {
		return
	}
	_, lit := s.expr.(*ast.BasicLit)
	st.regSites = append(st.regSites, regcheck.Site{Value: s.value, Role: r, Pos: s.expr.Pos(), End: s.expr.End(), Literal: lit})
}

// checkRegistry reports what the registry says of the package's sites.
func (st *passState) checkRegistry() {
	if st.reg == nil {
		return
	}
	for _, d := range regcheck.Undeclared(st.reg, st.regSites) {
		st.reportRegistry(d)
	}
	opts := regcheck.Options{
		ValueTypes: !st.cfg.NoValueTypes, EnumMembers: !st.cfg.NoEnumMembers, Stability: st.cfg.Stability,
		Deprecated: !st.cfg.NoDeprecated, MigrateDeprecated: st.cfg.MigrateDeprecated,
	}
	for _, d := range regcheck.Values(st.reg, st.regSites, st.registryValueSites(), opts) {
		if d.Fix != nil {
			st.withdrawFixAt(d.Pos) // the rename and a fix to the old key's constant would compete
		}
		st.reportRegistry(d)
	}
}

// withdrawFixAt withdraws the fix of the hard-coded finding at pos, as
// deprecations does for a semantic-convention key that -migrate-deprecated
// renames.
func (st *passState) withdrawFixAt(pos token.Pos) {
	for _, f := range st.hardCoded {
		if f.site.expr.Pos() == pos {
			f.noFix = true
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

// registryValueSites are the package's value sites (valuesites.go) as
// regcheck takes them, those under //nolint or in generated files left
// out.
func (st *passState) registryValueSites() []regcheck.ValueSite {
	var out []regcheck.ValueSite
	for i := range st.valueSites {
		s := &st.valueSites[i]
		if st.sup.suppressed(s.file, s.setter.Pos()) {
			continue
		}
		v := regcheck.ValueSite{
			Key: s.key, Class: s.class, Setter: types.ExprString(s.setter),
			SetterFor: func(want string) string { return setterFor(s, want) },
			SetterPos: s.setter.Pos(), SetterEnd: s.setter.End(),
		}
		if s.value != nil {
			v.ValuePos, v.ValueEnd = s.value.Pos(), s.value.End()
			if tv, ok := st.pass.TypesInfo.Types[s.value]; ok && tv.Value != nil {
				switch {
				case s.class == "string" && tv.Value.Kind() == constant.String:
					v.Value, v.ValueKnown = constant.StringVal(tv.Value), true
				case s.class == "int" && tv.Value.Kind() == constant.Int:
					v.Value, v.ValueKnown = tv.Value.ExactString(), true
				}
			}
		}
		out = append(out, v)
	}
	return out
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
