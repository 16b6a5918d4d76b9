package analyzer

import (
	"go/ast"

	"github.com/spanattrlint/spanattrlint/internal/find"
	"github.com/spanattrlint/spanattrlint/internal/site"
	"golang.org/x/tools/go/ast/inspector"
)

// collectSites finds the keys and names of the package. A hard-coded one
// is a finding, unless a //nolint directive or a generated file covers it;
// a named constant used as one is noted, since it makes its package a
// source of constants (inUse) or says what a local constant names
// (localUse). The const declarations are kept for checkValues.
func (st *passState) collectSites() {
	found := find.Sites(find.Input{
		Files: st.pass.Files, Info: st.pass.TypesInfo, Inspector: st.pass.ResultOf[inspectorAnalyzer].(*inspector.Inspector),
		API: st.api, SpanNames: st.cfg.SpanNames, KeyFuncs: st.keyFuncs,
	})
	for _, fs := range found.Sites {
		st.addSite(fs.File, fs.Site)
	}
	st.consts = found.Consts
}

func (st *passState) addSite(f *ast.File, s *site.Site) {
	if s.Named != nil {
		if p := s.Named.Pkg(); p == st.pass.Pkg {
			st.localUse[s.Named] = s.Role
		} else if p != nil && s.Role != site.SpanName {
			st.inUse[p.Path()] = true
		}
		return
	}
	if s.HardCoded() && !st.sup.Suppressed(f, s.Expr.Pos()) {
		st.hardCoded = append(st.hardCoded, &finding{site: s, file: f})
	}
}
