package analyzer

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// A finding is a hard-coded site, or a deprecated key, with its ranked
// candidates: constants of the site's value, or of the new key.
type finding struct {
	site  *site
	file  *ast.File
	cands []candidate
	dep   *semconvtab.Deprecated // a deprecated key, to migrate to dep.RenamedTo
	noFix bool
}

// lookupValue is the value whose constants can replace the site.
func (f *finding) lookupValue() string {
	if f.dep != nil && f.dep.RenamedTo != "" {
		return f.dep.RenamedTo
	}
	return f.site.value
}

// fixConst is the constant the fix writes, or nil; a migration without
// one writes the new key as a literal.
func (f *finding) fixConst() *types.Const {
	if c := f.best(); c != nil && c.fixable() {
		return c.obj
	}
	return nil
}

func (f *finding) wantsFix() bool {
	return !f.noFix && (f.dep != nil || f.fixConst() != nil)
}

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
func shape(api *otelAPI, f *finding, c *types.Const, q func(*types.Package, string) string) rewrite {
	s := f.site
	replace := func(n ast.Node, text string) []analysis.TextEdit {
		return []analysis.TextEdit{{Pos: n.Pos(), End: n.End(), NewText: []byte(text)}}
	}
	if c == nil { // a migration to a key that no constant holds
		lit := strconv.Quote(f.lookupValue())
		if s.place == placeConstUse {
			conv := q(api.attribute, "Key") + "(" + lit + ")"
			return rewrite{replace(s.expr, conv), []*types.Package{api.attribute}, "Use " + conv}
		}
		return rewrite{replace(s.expr, lit), nil, "Use " + lit}
	}
	ref := q(c.Pkg(), c.Name())
	isKey := api.isKey(c.Type())
	untyped := isUntypedOrString(c.Type())
	asString := ref
	if !untyped {
		asString = "string(" + ref + ")"
	}
	switch s.place {
	case placeCtorArg:
		if isKey {
			if m := keyMethod(api, s.ctor); m != "" {
				edits := replace(s.call.Fun, ref+"."+m)
				end := s.call.Rparen
				if len(s.call.Args) > 1 {
					end = s.call.Args[1].Pos()
				}
				edits = append(edits, analysis.TextEdit{Pos: s.expr.Pos(), End: end})
				return rewrite{edits, []*types.Package{c.Pkg()}, "Use " + ref + "." + m}
			}
		}
		return rewrite{replace(s.expr, asString), []*types.Package{c.Pkg()}, "Use " + ref}
	case placeKeyConv:
		if isKey {
			return rewrite{replace(s.call, ref), []*types.Package{c.Pkg()}, "Use " + ref}
		}
		return rewrite{replace(s.expr, ref), []*types.Package{c.Pkg()}, "Use " + ref}
	case placeKeyField, placeConstUse:
		if isKey || isUntyped(c.Type()) && s.place == placeKeyField {
			return rewrite{replace(s.expr, ref), []*types.Package{c.Pkg()}, "Use " + ref}
		}
		conv := q(api.attribute, "Key") + "(" + ref + ")"
		return rewrite{replace(s.expr, conv), []*types.Package{c.Pkg(), api.attribute}, "Use " + conv}
	default: // placeStringArg
		return rewrite{replace(s.expr, asString), []*types.Package{c.Pkg()}, "Use " + ref}
	}
}

// keyMethod returns the attribute.Key method that does what the
// constructor does (String for attribute.String: same name, same remaining
// parameters), or "" (attribute.Stringer has none).
func keyMethod(api *otelAPI, ctor *types.Func) string {
	obj, _, _ := types.LookupFieldOrMethod(api.key, false, api.attribute, ctor.Name())
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

// planFile turns a file's findings into diagnostics: it decides how each
// package is written in the file, then builds each fix, adding the imports
// it needs and removing the ones that the file's fixes leave unused.
func planFile(pass *analysis.Pass, api *otelAPI, file *ast.File, findings []*finding, report func(analysis.Diagnostic)) {
	ip := newImportPlan(pass, file)
	plain := func(pkg *types.Package, name string) string { return pkg.Name() + "." + name }

	// First learn where each package will be written.
	uses := map[*types.Package][]token.Pos{}
	var order []*types.Package
	for _, f := range findings {
		if f.wantsFix() {
			for _, pkg := range shape(api, f, f.fixConst(), plain).writes {
				if _, ok := uses[pkg]; !ok {
					order = append(order, pkg)
				}
				uses[pkg] = append(uses[pkg], f.site.expr.Pos())
			}
		}
	}
	for _, pkg := range order {
		ip.decide(pkg, uses[pkg])
	}
	// A message names its constant as a fix would write it, fix or not.
	for _, f := range findings {
		if c := f.fixConst(); c != nil && !f.wantsFix() {
			ip.decide(c.Pkg(), []token.Pos{f.site.expr.Pos()})
		}
	}

	// Then build the rewrites with the final names.
	rewrites := make([]rewrite, len(findings))
	for i, f := range findings {
		if f.wantsFix() {
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
		if drop[i] {
			continue
		}
		d := analysis.Diagnostic{Pos: f.site.expr.Pos(), End: f.site.expr.End(), Category: "hard-coded", Message: f.message(ip)}
		if f.dep != nil {
			d.Category = "deprecated"
		}
		if rw := rewrites[i]; rw.edits != nil {
			edits := slices.Clone(rw.edits)
			added := map[*types.Package]bool{}
			for _, pkg := range rw.writes {
				if _, ok := ip.added[pkg]; ok && !added[pkg] {
					added[pkg] = true
					edits = append(edits, ip.addEdit(pkg))
				}
			}
			for _, spec := range removals[i] {
				edits = append(edits, ip.removeEdit(spec))
			}
			if edits, ok := disjoint(edits); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{{Message: rw.message, TextEdits: edits}}
			}
		}
		report(d)
	}
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
			outer, inner := findings[owner].site.expr, findings[s.i].site.expr
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

// unusedAfter finds the imports of the file that no reference would use
// once all the rewrites are applied, and returns, per rewrite, those whose
// references it deletes: each such fix removes the import, and identical
// removals from several fixes merge into one.
func (ip *importPlan) unusedAfter(rewrites []rewrite) map[int][]*ast.ImportSpec {
	type span struct {
		pos, end token.Pos
		rw       int
	}
	var deleted []span
	written := map[*types.Package]bool{}
	for i, rw := range rewrites {
		for _, e := range rw.edits {
			deleted = append(deleted, span{e.Pos, e.End, i})
		}
		for _, pkg := range rw.writes {
			if _, added := ip.added[pkg]; !added {
				written[pkg] = true
			}
		}
	}
	if len(deleted) == 0 {
		return nil
	}
	slices.SortFunc(deleted, func(a, b span) int { return cmp.Compare(a.pos, b.pos) })
	// deleter returns the rewrite whose edits delete pos, or -1.
	deleter := func(pos token.Pos) int {
		i, _ := slices.BinarySearchFunc(deleted, pos, func(s span, p token.Pos) int {
			if s.end <= p {
				return -1
			}
			if s.pos > p {
				return 1
			}
			return 0
		})
		if i < len(deleted) && deleted[i].pos <= pos && pos < deleted[i].end {
			return deleted[i].rw
		}
		return -1
	}

	out := map[int][]*ast.ImportSpec{}
	for spec, uses := range importUses(ip.pass.TypesInfo, ip.file, func(pos token.Pos) bool { return deleter(pos) >= 0 }) {
		pn := importedName(ip.pass.TypesInfo, spec)
		if written[pn.Imported()] && pn.Name() != "." {
			continue
		}
		var by []int
		kept := false
		for _, pos := range uses {
			if rw := deleter(pos); rw < 0 {
				kept = true
				break
			} else {
				by = append(by, rw)
			}
		}
		if kept || len(by) == 0 {
			continue
		}
		slices.Sort(by)
		for _, rw := range slices.Compact(by) {
			out[rw] = append(out[rw], spec)
		}
	}
	for _, specs := range out {
		slices.SortFunc(specs, func(a, b *ast.ImportSpec) int { return cmp.Compare(a.Pos(), b.Pos()) })
	}
	return out
}

func importedName(info *types.Info, spec *ast.ImportSpec) *types.PkgName {
	obj := info.Implicits[spec]
	if spec.Name != nil {
		obj = info.Defs[spec.Name]
	}
	pn, _ := obj.(*types.PkgName)
	return pn
}

// importUses maps each named or dot import of the file to the positions of
// the references made through it: qualified identifiers for a named
// import, unqualified package-level names for a dot import. With deleted,
// an import's list ends at its first use that deleted does not cover (the
// import stays), and the walk ends once every import has one.
func importUses(info *types.Info, file *ast.File, deleted func(token.Pos) bool) map[*ast.ImportSpec][]token.Pos {
	named := map[*types.PkgName]*ast.ImportSpec{}
	names := map[string]bool{} // the names named imports take in the file
	dots := map[*types.Package]*ast.ImportSpec{}
	uses := map[*ast.ImportSpec][]token.Pos{}
	for _, spec := range file.Imports {
		pn := importedName(info, spec)
		switch {
		case pn == nil || pn.Name() == "_":
		case pn.Name() == ".":
			dots[pn.Imported()] = spec
			uses[spec] = nil
		default:
			named[pn] = spec
			names[pn.Name()] = true
			uses[spec] = nil
		}
	}
	open := len(uses) // imports without a use that stays
	stays := map[*ast.ImportSpec]bool{}
	use := func(spec *ast.ImportSpec, pos token.Pos) {
		if stays[spec] {
			return
		}
		uses[spec] = append(uses[spec], pos)
		if deleted != nil && !deleted(pos) {
			stays[spec] = true
			open--
		}
	}
	dotUse := func(id *ast.Ident) {
		if obj := info.Uses[id]; obj != nil && obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() {
			if spec, ok := dots[obj.Pkg()]; ok {
				use(spec, id.Pos())
			}
		}
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if open == 0 {
			return false
		}
		switch n := n.(type) {
		case *ast.ImportSpec:
			return false
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok {
				// Only an identifier spelled as an import's name can refer
				// to it: skip the look-up for the rest (x.Method).
				var pn *types.PkgName
				if names[id.Name] {
					pn, _ = info.Uses[id].(*types.PkgName)
				}
				if pn != nil {
					if spec, ok := named[pn]; ok {
						use(spec, id.Pos())
					}
				} else if len(dots) > 0 {
					dotUse(id)
				}
			} else {
				ast.Inspect(n.X, visit)
			}
			return false // n.Sel is a member, not a reference through an import
		case *ast.Ident:
			if len(dots) > 0 {
				dotUse(n)
			}
		}
		return true
	}
	ast.Inspect(file, visit)
	return uses
}

// best is the candidate the message names and the fix uses.
func (f *finding) best() *candidate {
	if len(f.cands) == 0 {
		return nil
	}
	return &f.cands[0]
}

// message says what is hard-coded and what to use instead, naming the
// constant exactly as the fix writes it in this file.
func (f *finding) message(ip *importPlan) string {
	if f.dep != nil {
		instead := semconvName(f.dep.RenamedTo)
		if c := f.fixConst(); c != nil {
			instead = ip.qualify(c.Pkg(), c.Name())
		}
		return deprecationMessage(*f.dep, instead)
	}
	head := fmt.Sprintf("hard-coded %s %s", f.site.role, strconv.Quote(f.site.value))
	c := f.best()
	if c == nil {
		return head + ": no constant defines it"
	}
	var use string
	switch {
	case c.unavailable:
		return head + ": " + c.note
	case c.notKey:
		others := ""
		if n := len(f.cands) - 1; n > 0 {
			others = fmt.Sprintf(" (and %d other constants of the package)", n)
		}
		return fmt.Sprintf("%s: the package's constant %s has this value%s, but is not declared as a key, so no fix is offered: if it names this %s, write %s here (or type it attribute.Key)", head, c.name, others, f.site.role, c.name)
	case c.fixable():
		use = ip.qualify(c.obj.Pkg(), c.name)
	case c.noImport:
		use = c.pkgName + "." + c.name + c.note
	default:
		use = fmt.Sprintf("%s.%s (import %q)", c.pkgName, c.name, c.path)
	}
	msg := head + ": use " + use
	if others := f.cands[1:]; len(others) > 0 {
		names := make([]string, 0, 3)
		shown := map[string]bool{use: true}
		for i, o := range others {
			if i == 3 {
				names = append(names, fmt.Sprintf("and %d more", len(others)-3))
				break
			}
			var name string
			switch {
			case o.obj == nil:
				name = o.pkgName + "." + o.name
			case o.obj.Pkg() == ip.pass.Pkg:
				name = o.name
			default:
				name = ip.fileName(o.obj.Pkg()) + "." + o.name
			}
			if shown[name] { // another version of a semconv package, say
				name += " from " + o.path
			}
			shown[name] = true
			names = append(names, name)
		}
		verb := "constants have"
		if len(others) == 1 {
			verb = "constant has"
		}
		msg += fmt.Sprintf(" (%d other %s this value: %s)", len(others), verb, strings.Join(names, ", "))
	}
	return msg
}
