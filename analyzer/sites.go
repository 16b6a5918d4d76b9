package analyzer

import (
	"go/types"

	"github.com/spanattrlint/spanattrlint/internal/find"
	"github.com/spanattrlint/spanattrlint/internal/index"
	"github.com/spanattrlint/spanattrlint/internal/site"
	"golang.org/x/tools/go/ast/inspector"
)

// collectSites finds the keys and names of the package. A hard-coded one
// is a finding, unless a //nolint directive or a generated file covers it;
// a named constant used as one is noted, since it makes its package a
// source of constants (inUse) or says what a local constant names
// (localUse). The const declarations are returned for checkValues, and
// every site for -registry.
func (st *passState) collectSites() ([]*site.Finding, []find.Const, index.Uses, []find.Found) {
	found := find.Sites(find.Input{
		Files: st.pass.Files, Info: st.pass.TypesInfo, Inspector: st.pass.ResultOf[inspectorAnalyzer].(*inspector.Inspector),
		API: st.api, SpanNames: st.cfg.SpanNames, KeyFuncs: st.keyFuncs,
	})
	uses := index.Uses{InUse: map[string]bool{}, LocalUse: map[*types.Const]site.Role{}}
	var hardCoded []*site.Finding
	for _, fs := range found.Sites {
		s := fs.Site
		if s.Named != nil {
			if p := s.Named.Pkg(); p == st.pass.Pkg {
				uses.LocalUse[s.Named] = s.Role
			} else if p != nil && s.Role != site.SpanName {
				uses.InUse[p.Path()] = true
			}
			continue
		}
		if s.HardCoded() && !st.sup.Suppressed(fs.File, s.Expr.Pos()) {
			hardCoded = append(hardCoded, &site.Finding{Site: s, File: fs.File, NoFix: st.migrates(s)})
		}
	}
	return hardCoded, found.Consts, uses, found.Sites
}
