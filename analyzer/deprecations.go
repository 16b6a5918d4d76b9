package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/spanattrlint/spanattrlint/internal/rules"
	"github.com/spanattrlint/spanattrlint/internal/semconv"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// collectDeprecated finds the deprecated keys: the uses of semconv
// constants whose key is deprecated, then the deprecated hard-coded keys.
func (st *passState) collectDeprecated(hardCoded []*site.Finding) []*site.Finding {
	return append(st.semconvUses(), st.deprecations(hardCoded)...)
}

// migrates reports whether -migrate-deprecated rewrites a hard-coded key
// to the key the semantic conventions renamed it to; its finding then
// gets no fix of its own (to a constant of the old value), so that the
// deprecation's fix (deprecations) and it do not compete.
func (st *passState) migrates(s *site.Site) bool {
	if st.cfg.NoDeprecated || !st.cfg.MigrateDeprecated || s.Role != site.Key {
		return false
	}
	d, ok := rules.Deprecation(s.Value)
	return ok && d.Reason == "renamed"
}

// deprecations adds a finding for each hard-coded key that the semantic
// conventions deprecated. With -migrate-deprecated its fix rewrites a
// renamed key to the new one (the hard-coded finding's own fix was
// withheld when it was made: migrates).
func (st *passState) deprecations(hardCoded []*site.Finding) []*site.Finding {
	if st.cfg.NoDeprecated {
		return nil
	}
	var out []*site.Finding
	for _, f := range hardCoded {
		if f.Site.Role != site.Key {
			continue
		}
		found, ok := rules.Deprecation(f.Site.Value)
		if !ok {
			continue
		}
		d := found // escapes: kept apart so that a key found current costs nothing
		migrate := st.cfg.MigrateDeprecated && d.Reason == "renamed"
		out = append(out, &site.Finding{Site: f.Site, File: f.File, Dep: &d, NoFix: !migrate})
	}
	return out
}

// semconvUses finds uses of semconv constants whose key is deprecated,
// such as HTTPMethodKey of semconv/v1.20.0, in packages that import one.
func (st *passState) semconvUses() []*site.Finding {
	pass, api := st.pass, st.api
	if st.cfg.NoDeprecated || api.Attribute == nil {
		return nil
	}
	var out []*site.Finding
	semconv.Selectors(pass, func(file *ast.File, sel *ast.SelectorExpr, obj types.Object) {
		c, ok := obj.(*types.Const)
		if !ok || c.Val().Kind() != constant.String {
			return
		}
		v := constant.StringVal(c.Val())
		d, ok := rules.Deprecation(v)
		if !ok || st.sup.Suppressed(file, sel.Pos()) {
			return
		}
		s := &site.Site{Role: site.Key, Place: site.ConstUse, Expr: sel, Value: v, Named: c}
		migrate := st.cfg.MigrateDeprecated && d.Reason == "renamed" && api.IsKey(c.Type())
		out = append(out, &site.Finding{Site: s, File: file, Dep: &d, NoFix: !migrate})
	})
	return out
}
