package analyzer

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// rewrite is the text a fix writes for a finding: edits within the
// finding's expression or call, the packages whose qualifier it writes, and
// the source ranges it deletes (whose import uses disappear with them).
type rewrite struct {
	edits   []analysis.TextEdit
	writes  []*types.Package
	message string // "Use tracing.KKey.String"
}

// shape returns how the fix for f with constant c is written, given q
// (how a package is qualified in the file). It is called twice: once to
// learn which packages the fix writes, once with the final qualifiers.
func shape(api *otelapi.API, f *finding, c *types.Const, q func(*types.Package, string) string) rewrite {
	s := f.site
	replace := func(n ast.Node, text string) []analysis.TextEdit {
		return []analysis.TextEdit{{Pos: n.Pos(), End: n.End(), NewText: []byte(text)}}
	}
	if f.enum != nil { // the whole call or literal becomes the member variable
		ref := q(f.enum.obj.Pkg(), f.enum.obj.Name())
		return rewrite{replace(s.Expr, ref), []*types.Package{f.enum.obj.Pkg()}, "Use " + ref}
	}
	if c == nil { // a migration to a key that no constant holds
		lit := strconv.Quote(f.lookupValue())
		if s.Place == site.ConstUse {
			conv := q(api.Attribute, "Key") + "(" + lit + ")"
			return rewrite{replace(s.Expr, conv), []*types.Package{api.Attribute}, "Use " + conv}
		}
		return rewrite{replace(s.Expr, lit), nil, "Use " + lit}
	}
	ref := q(c.Pkg(), c.Name())
	isKey := api.IsKey(c.Type())
	untyped := isUntypedOrString(c.Type())
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
				return rewrite{edits, []*types.Package{c.Pkg()}, "Use " + ref + "." + m}
			}
		}
		return rewrite{replace(s.Expr, asString), []*types.Package{c.Pkg()}, "Use " + ref}
	case site.KeyConv:
		if isKey {
			return rewrite{replace(s.Call, ref), []*types.Package{c.Pkg()}, "Use " + ref}
		}
		return rewrite{replace(s.Expr, ref), []*types.Package{c.Pkg()}, "Use " + ref}
	case site.KeyField, site.ConstUse:
		if isKey || isUntyped(c.Type()) && s.Place == site.KeyField {
			return rewrite{replace(s.Expr, ref), []*types.Package{c.Pkg()}, "Use " + ref}
		}
		conv := q(api.Attribute, "Key") + "(" + ref + ")"
		return rewrite{replace(s.Expr, conv), []*types.Package{c.Pkg(), api.Attribute}, "Use " + conv}
	default: // placeStringArg
		return rewrite{replace(s.Expr, asString), []*types.Package{c.Pkg()}, "Use " + ref}
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

func isUntypedOrString(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && (b.Kind() == types.String || b.Kind() == types.UntypedString)
}

// buildFixes reports the findings, file by file in the order found: in
// one file, where each package is written is decided for all its fixes.
func (st *passState) buildFixes(fs *findings) {
	byFile := map[*ast.File][]*finding{}
	var order []*ast.File
	for f := range fs.all() {
		if byFile[f.file] == nil {
			order = append(order, f.file)
		}
		byFile[f.file] = append(byFile[f.file], f)
	}
	for _, file := range order {
		planFile(st.pass, st.api, file, byFile[file], st.pass.Report)
	}
}

// planFile turns a file's findings into diagnostics: it decides how each
// package is written in the file, then builds each fix, adding the imports
// it needs and removing the ones that the file's fixes leave unused.
func planFile(pass *analysis.Pass, api *otelapi.API, file *ast.File, findings []*finding, report func(analysis.Diagnostic)) {
	ip := newImportPlan(pass, file)
	decideQualifiers(api, ip, findings)

	// Build the rewrites with the final names.
	rewrites := make([]rewrite, len(findings))
	for i, f := range findings {
		if f.varDef != nil && f.varDef.def {
			rewrites[i] = f.varDef.rewrite()
		} else if f.wantsFix() {
			rewrites[i] = shape(api, f, f.fixConst(), ip.qualify)
		}
	}
	drop := overlapping(findings, rewrites)
	removals := ip.unusedAfter(rewrites)
	for _, specs := range removals {
		for _, spec := range specs {
			ip.gone[spec] = true
		}
	}
	for i, f := range findings {
		if !drop[i] {
			report(diagnostic(ip, f, rewrites[i], removals[i]))
		}
	}
}

// decideQualifiers learns, before any fix is built, where each package
// will be written in the file, and so how it is qualified.
func decideQualifiers(api *otelapi.API, ip *importPlan, findings []*finding) {
	plain := func(pkg *types.Package, name string) string { return pkg.Name() + "." + name }
	uses := map[*types.Package][]token.Pos{}
	var order []*types.Package
	for _, f := range findings {
		if f.wantsFix() {
			for _, pkg := range shape(api, f, f.fixConst(), plain).writes {
				if _, ok := uses[pkg]; !ok {
					order = append(order, pkg)
				}
				uses[pkg] = append(uses[pkg], f.site.Expr.Pos())
			}
		}
	}
	for _, pkg := range order {
		ip.decide(pkg, uses[pkg])
	}
	// A message names its constant as a fix would write it, fix or not.
	for _, f := range findings {
		if c := f.fixConst(); c != nil && !f.wantsFix() {
			ip.decide(c.Pkg(), []token.Pos{f.site.Expr.Pos()})
		}
	}
}

// diagnostic is a finding's diagnostic, with the fix that rw writes, the
// imports it adds, and those it removes.
func diagnostic(ip *importPlan, f *finding, rw rewrite, removals []*ast.ImportSpec) analysis.Diagnostic {
	d := analysis.Diagnostic{Pos: f.site.Expr.Pos(), End: f.site.Expr.End(), Category: string(category.HardCoded), Message: f.message(ip)}
	if f.dep != nil {
		d.Category = string(category.Deprecated)
	}
	if f.enum != nil {
		d.Category = string(category.EnumMember)
	}
	if rw.edits == nil {
		return d
	}
	edits := slices.Clone(rw.edits)
	added := map[*types.Package]bool{}
	for _, pkg := range rw.writes {
		if _, ok := ip.added[pkg]; ok && !added[pkg] {
			added[pkg] = true
			edits = append(edits, ip.addEdit(pkg))
		}
	}
	for _, spec := range removals {
		edits = append(edits, ip.removeEdit(spec))
	}
	if edits, ok := disjoint(edits); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: rw.message, TextEdits: edits}}
	}
	return d
}

// overlapping finds the fixes whose expression edits overlap another's: a
// finding inside another's expression (the literal of attribute.Key("k")
// in attribute.String(string(attribute.Key("k")), v)), whose fix the outer
// one's rewrites too. Such a finding is not reported (the returned set),
// so that one run of -fix leaves nothing to fix; any other overlap loses
// its fix, the later one. Overlap is only ever between nested expressions
// of one call, so the sweep over the edits in order of position finds it.
func overlapping(findings []*finding, rewrites []rewrite) map[int]bool {
	type span struct {
		pos, end token.Pos
		i        int
	}
	var spans []span
	for i, rw := range rewrites {
		for _, e := range rw.edits {
			spans = append(spans, span{e.Pos, e.End, i})
		}
	}
	slices.SortStableFunc(spans, func(a, b span) int { return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(b.end, a.end)) })
	var drop map[int]bool
	lost := func(i int) bool { return drop[i] || rewrites[i].edits == nil }
	end, owner := token.NoPos, -1
	for _, s := range spans {
		if lost(s.i) {
			continue
		}
		if owner >= 0 && s.i != owner && s.pos < end {
			if drop == nil {
				drop = map[int]bool{}
			}
			outer, inner := findings[owner].site.Expr, findings[s.i].site.Expr
			if outer.Pos() <= inner.Pos() && inner.End() <= outer.End() {
				drop[s.i] = true
			}
			rewrites[s.i] = rewrite{}
			continue
		}
		if s.end > end || owner < 0 {
			end, owner = s.end, s.i
		}
	}
	return drop
}

// disjoint sorts a fix's edits, keeps one of identical edits (two imports
// that leave the same whole declaration) and reports whether none overlaps
// another: the plan above never makes them overlap; should it, the
// finding loses its fix rather than the driver rejecting it.
func disjoint(edits []analysis.TextEdit) ([]analysis.TextEdit, bool) {
	slices.SortStableFunc(edits, func(a, b analysis.TextEdit) int {
		return cmp.Or(cmp.Compare(a.Pos, b.Pos), cmp.Compare(a.End, b.End))
	})
	edits = slices.CompactFunc(edits, func(a, b analysis.TextEdit) bool {
		return a.Pos == b.Pos && a.End == b.End && string(a.NewText) == string(b.NewText)
	})
	for i := 1; i < len(edits); i++ {
		if edits[i-1].End > edits[i].Pos {
			return edits, false
		}
	}
	return edits, true
}
