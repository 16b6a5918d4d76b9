package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/check"
	"github.com/spanattrlint/spanattrlint/internal/metrics"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/rewrite"
	"github.com/spanattrlint/spanattrlint/internal/semconv"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// fixText is the text a fix writes for a finding: edits within the
// finding's expression or call, the packages whose qualifier it writes, and
// the source ranges it deletes (whose import uses disappear with them).
type fixText struct {
	edits   []analysis.TextEdit
	writes  []*types.Package
	message string // "Use tracing.KKey.String"
}

// shape returns how the fix for f with constant c is written, given q
// (how a package is qualified in the file). It is called twice: once to
// learn which packages the fix writes, once with the final qualifiers.
func shape(api *otelapi.API, f *site.Finding, c *types.Const, q func(*types.Package, string) string) fixText {
	s := f.Site
	replace := func(n ast.Node, text string) []analysis.TextEdit {
		return []analysis.TextEdit{{Pos: n.Pos(), End: n.End(), NewText: []byte(text)}}
	}
	if f.Enum != nil { // the whole call or literal becomes the member variable
		ref := q(f.Enum.Obj.Pkg(), f.Enum.Obj.Name())
		return fixText{replace(s.Expr, ref), []*types.Package{f.Enum.Obj.Pkg()}, "Use " + ref}
	}
	if c == nil { // a migration to a key that no constant holds
		lit := strconv.Quote(f.LookupValue())
		if s.Place == site.ConstUse {
			conv := q(api.Attribute, "Key") + "(" + lit + ")"
			return fixText{replace(s.Expr, conv), []*types.Package{api.Attribute}, "Use " + conv}
		}
		return fixText{replace(s.Expr, lit), nil, "Use " + lit}
	}
	ref := q(c.Pkg(), c.Name())
	isKey := api.IsKey(c.Type())
	untyped := check.IsUntypedOrString(c.Type())
	asString := ref
	if !untyped {
		asString = "string(" + ref + ")"
	}
	switch s.Place {
	case site.CtorArg:
		if isKey {
			if m := keyMethod(api, s.Ctor); m != "" {
				edits := replace(s.Call.Fun, ref+"."+m)
				end := s.Call.Rparen
				if len(s.Call.Args) > 1 {
					end = s.Call.Args[1].Pos()
				}
				edits = append(edits, analysis.TextEdit{Pos: s.Expr.Pos(), End: end})
				return fixText{edits, []*types.Package{c.Pkg()}, "Use " + ref + "." + m}
			}
		}
		return fixText{replace(s.Expr, asString), []*types.Package{c.Pkg()}, "Use " + ref}
	case site.KeyConv:
		if isKey {
			return fixText{replace(s.Call, ref), []*types.Package{c.Pkg()}, "Use " + ref}
		}
		return fixText{replace(s.Expr, ref), []*types.Package{c.Pkg()}, "Use " + ref}
	case site.KeyField, site.ConstUse:
		if isKey || isUntyped(c.Type()) && s.Place == site.KeyField {
			return fixText{replace(s.Expr, ref), []*types.Package{c.Pkg()}, "Use " + ref}
		}
		conv := q(api.Attribute, "Key") + "(" + ref + ")"
		return fixText{replace(s.Expr, conv), []*types.Package{c.Pkg(), api.Attribute}, "Use " + conv}
	default: // site.StringArg
		return fixText{replace(s.Expr, asString), []*types.Package{c.Pkg()}, "Use " + ref}
	}
}

// keyMethod returns the attribute.Key method that does what the
// constructor does (String for attribute.String: same name, same remaining
// parameters), or "" (attribute.Stringer has none).
func keyMethod(api *otelapi.API, ctor *types.Func) string {
	obj, _, _ := types.LookupFieldOrMethod(api.Key, false, api.Attribute, ctor.Name())
	m, ok := obj.(*types.Func)
	if !ok {
		return ""
	}
	ms, cs := m.Signature(), ctor.Signature()
	if ms.Variadic() != cs.Variadic() || ms.Params().Len() != cs.Params().Len()-1 || !types.Identical(ms.Results(), cs.Results()) {
		return ""
	}
	for i := 0; i < ms.Params().Len(); i++ {
		if !types.Identical(ms.Params().At(i).Type(), cs.Params().At(i+1).Type()) {
			return ""
		}
	}
	return m.Name()
}

func isUntyped(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&types.IsUntyped != 0
}

// buildFixes reports, with report, the findings and the metric-name
// fixes, file by file in the order found: in one file, where each package
// is written is decided for all its fixes.
func (st *passState) buildFixes(fs *findings, mfs []metrics.NameFix, report func(analysis.Diagnostic)) {
	byFile := map[*ast.File][]*site.Finding{}
	metricsOf := map[*ast.File][]metrics.NameFix{}
	var order []*ast.File
	for f := range fs.all() {
		if byFile[f.File] == nil {
			order = append(order, f.File)
		}
		byFile[f.File] = append(byFile[f.File], f)
	}
	for _, m := range mfs {
		if byFile[m.File] == nil && metricsOf[m.File] == nil {
			order = append(order, m.File)
		}
		metricsOf[m.File] = append(metricsOf[m.File], m)
	}
	for _, file := range order {
		planFile(st.pass, st.api, file, byFile[file], metricsOf[file], report)
	}
}

// planFile turns a file's findings and metric-name fixes into
// diagnostics: it decides how each package is written in the file, then
// builds each fix, adding the imports it needs (once, whichever fixes
// write the package) and removing the ones that the file's fixes leave
// unused.
func planFile(pass *analysis.Pass, api *otelapi.API, file *ast.File, findings []*site.Finding, mfs []metrics.NameFix, report func(analysis.Diagnostic)) {
	ip := newImportPlan(pass, file)
	decideQualifiers(api, ip, findings, mfs)

	// Build the rewrites with the final names.
	texts := make([]fixText, len(findings))
	rewrites := make([]rewrite.Rewrite, len(findings), len(findings)+len(mfs))
	for i, f := range findings {
		if f.VarDef != nil && f.VarDef.Def {
			texts[i] = varDefFix(f.VarDef)
		} else if f.WantsFix() {
			texts[i] = shape(api, f, f.FixConst(), ip.Qualify)
		}
		rewrites[i] = rewrite.Rewrite{Pos: f.Site.Expr.Pos(), End: f.Site.Expr.End(), Edits: texts[i].edits, Writes: texts[i].writes}
	}
	for _, m := range mfs {
		r := rewrite.Rewrite{Pos: m.Name.Pos(), End: m.Name.End()}
		if !m.NoFix {
			ref := ip.Qualify(m.Const.Pkg(), m.Const.Name())
			r.Edits = []analysis.TextEdit{{Pos: m.Name.Pos(), End: m.Name.End(), NewText: []byte(ref)}}
			r.Writes = []*types.Package{m.Const.Pkg()}
		}
		rewrites = append(rewrites, r)
	}
	fixes := ip.Fixes(rewrites)
	for i, fix := range fixes[:len(findings)] {
		if !fix.Nested {
			report(diagnostic(ip, findings[i], texts[i].message, fix.Edits))
		}
	}
	for i, m := range mfs {
		pkg := m.Const.Pkg()
		note := ""
		if semconv.Adds(ip.Pkg(), pkg) {
			note = fmt.Sprintf(" (import %q)", pkg.Path()) // the fix adds it: say which version
		}
		report(m.Diagnostic(ip.Qualify(pkg, m.Const.Name()), note, fixes[len(findings)+i].Edits))
	}
}

// newImportPlan starts the plan of how a file of the pass writes the
// packages its fixes refer to.
func newImportPlan(pass *analysis.Pass, file *ast.File) *rewrite.Plan {
	return rewrite.NewPlan(pass.Fset, pass.TypesInfo, pass.Pkg, file)
}

// decideQualifiers learns, before any fix is built, where each package
// will be written in the file, and so how it is qualified: every position
// where a fix of the file writes it counts, the metric names' too.
func decideQualifiers(api *otelapi.API, ip *rewrite.Plan, findings []*site.Finding, mfs []metrics.NameFix) {
	plain := func(pkg *types.Package, name string) string { return pkg.Name() + "." + name }
	uses := map[*types.Package][]token.Pos{}
	var order []*types.Package
	use := func(pkg *types.Package, pos token.Pos) {
		if _, ok := uses[pkg]; !ok {
			order = append(order, pkg)
		}
		uses[pkg] = append(uses[pkg], pos)
	}
	for _, f := range findings {
		if f.WantsFix() {
			for _, pkg := range shape(api, f, f.FixConst(), plain).writes {
				use(pkg, f.Site.Expr.Pos())
			}
		}
	}
	for _, m := range mfs {
		if !m.NoFix {
			use(m.Const.Pkg(), m.Name.Pos())
		}
	}
	for _, pkg := range order {
		ip.Decide(pkg, uses[pkg])
	}
	// A message names its constant as a fix would write it, fix or not.
	for _, f := range findings {
		if c := f.FixConst(); c != nil && !f.WantsFix() {
			ip.Decide(c.Pkg(), []token.Pos{f.Site.Expr.Pos()})
		}
	}
	for _, m := range mfs {
		if m.NoFix {
			ip.Decide(m.Const.Pkg(), []token.Pos{m.Name.Pos()})
		}
	}
}

// diagnostic is a finding's diagnostic, with the fix (edits, nil for
// none) that message names.
func diagnostic(ip *rewrite.Plan, f *site.Finding, message string, edits []analysis.TextEdit) analysis.Diagnostic {
	d := analysis.Diagnostic{Pos: f.Site.Expr.Pos(), End: f.Site.Expr.End(), Category: string(category.HardCoded), Message: findingMessage(f, ip)}
	if f.Dep != nil {
		d.Category = string(category.Deprecated)
	}
	if f.Enum != nil {
		d.Category = string(category.EnumMember)
	}
	if edits != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: message, TextEdits: edits}}
	}
	return d
}
