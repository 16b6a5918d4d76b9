package analyzer

import (
	"go/ast"

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
	if s.reg == nil {
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
	st.regSites = append(st.regSites, regcheck.Site{Value: s.value, Role: r, Pos: s.expr.Pos(), End: s.expr.End()})
}

// checkRegistry reports what the registry says of the package's sites.
func (st *passState) checkRegistry() {
	if st.reg == nil {
		return
	}
	for _, d := range regcheck.Undeclared(st.reg, st.regSites) {
		st.reportRegistry(d)
	}
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
