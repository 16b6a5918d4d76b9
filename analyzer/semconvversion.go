package analyzer

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/spanattrlint/spanattrlint/internal/metrics"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/rewrite"
	"github.com/spanattrlint/spanattrlint/internal/semconv"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// checkVersions runs the -semconv-version check (internal/semconv) and
// withdraws the fixes that its moves would break: a finding's fix that
// writes a semconv package or rewrites a use of a moved import, and one
// that would add an import of a version the module is moving off.
func (st *passState) checkVersions(fs *findings, mfs []metrics.NameFix) {
	if st.cfg.SemconvVersion == "" {
		return
	}
	moved := map[*ast.File]bool{}
	for _, m := range semconv.CheckVersions(st.semconvInput()) {
		st.withdrawSemconvFixes(fs, m.File, m.Import)
		moved[m.File] = true
	}
	st.withdrawOtherVersions(fs)
	st.metricVersions(mfs, moved)
}

// metricVersions applies the same two rules to the metric names' fixes
// to a semconv constant: none in a file whose import moves; and in a file
// that does not import the constant's version, the target's constant of
// the same value, else none.
func (st *passState) metricVersions(mfs []metrics.NameFix, moved map[*ast.File]bool) {
	target := semconvtab.BasePath + "/" + st.cfg.SemconvVersion
	for i := range mfs {
		m := &mfs[i]
		path := m.Const.Pkg().Path()
		switch {
		case m.NoFix || !otelapi.IsSemconv(path):
		case moved[m.File]:
			m.NoFix = true
		case path != target && !slices.ContainsFunc(m.File.Imports, func(s *ast.ImportSpec) bool { return rewrite.ImportPath(s) == path }):
			if c := st.ix.MetricConstIn(st.cfg.SemconvVersion, st.ix.Otel(), m.Value); c != nil {
				m.Const = c
			} else {
				m.NoFix = true
			}
		}
	}
}

// semconvInput is what the semconv phase reads of the pass.
func (st *passState) semconvInput() semconv.Input {
	return semconv.Input{
		Pass: st.pass, Sup: st.sup, Target: st.cfg.SemconvVersion, Migrate: st.cfg.MigrateDeprecated,
		NoSchemaURL: st.cfg.NoSchemaURL, Otel: func() string { return st.ix.Otel() },
	}
}

// withdrawOtherVersions keeps fixes from adding an import of a semconv
// version other than the target to a file, since the module is moving off
// it: a finding whose best constant is such a version's gets the target's
// constant of the same name and value where it has one (the candidates
// hold every imported version's), else no fix. A file that keeps its old
// import may still get that version's constants.
func (st *passState) withdrawOtherVersions(fs *findings) {
	target := semconvtab.BasePath + "/" + st.cfg.SemconvVersion
	for f := range fs.all() {
		c := f.FixConst()
		if !f.WantsFix() || c == nil || !otelapi.IsSemconv(c.Pkg().Path()) || c.Pkg().Path() == target ||
			slices.ContainsFunc(f.File.Imports, func(s *ast.ImportSpec) bool { return rewrite.ImportPath(s) == c.Pkg().Path() }) {
			continue
		}
		j := slices.IndexFunc(f.Cands, func(o site.Candidate) bool {
			return o.Fixable() && o.Obj.Pkg().Path() == target && o.Obj.Name() == c.Name()
		})
		if j < 0 {
			f.NoFix = true
			continue
		}
		best := f.Cands[j]
		f.Cands = slices.Insert(slices.Delete(f.Cands, j, j+1), 0, best)
	}
}

// withdrawSemconvFixes takes the fix from every other finding of file
// whose fix writes a semconv package or rewrites a use of the moved
// import pn.
func (st *passState) withdrawSemconvFixes(fs *findings, file *ast.File, pn *types.PkgName) {
	plain := func(pkg *types.Package, name string) string { return pkg.Name() + "." + name }
	for f := range fs.all() {
		if f.File != file || !f.WantsFix() {
			continue
		}
		if sel, ok := f.Site.Expr.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && st.pass.TypesInfo.Uses[id] == pn {
				f.NoFix = true
				continue
			}
		}
		for _, pkg := range shape(st.api, f, f.FixConst(), plain).writes {
			if otelapi.IsSemconv(pkg.Path()) {
				f.NoFix = true
			}
		}
	}
}
