package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A finding is a hard-coded site with its ranked candidates.
type finding struct {
	site  *site
	file  *ast.File
	cands []candidate
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
	ref := q(c.Pkg(), c.Name())
	isKey := api.isKey(c.Type())
	untyped := isUntypedOrString(c.Type())
	replace := func(n ast.Node, text string) []analysis.TextEdit {
		return []analysis.TextEdit{{Pos: n.Pos(), End: n.End(), NewText: []byte(text)}}
	}
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
	case placeKeyField:
		if isKey || isUntyped(c.Type()) {
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
func planFile(pass *analysis.Pass, api *otelAPI, file *ast.File, findings []*finding) []analysis.Diagnostic {
	ip := newImportPlan(pass, file)
	plain := func(pkg *types.Package, name string) string { return pkg.Name() + "." + name }

	// First learn where each package will be written.
	uses := map[*types.Package][]token.Pos{}
	var order []*types.Package
	for _, f := range findings {
		if c := f.best(); c != nil && c.fixable() {
			for _, pkg := range shape(api, f, c.obj, plain).writes {
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

	// Then build the rewrites with the final names.
	rewrites := make([]rewrite, len(findings))
	for i, f := range findings {
		if c := f.best(); c != nil && c.fixable() {
			rewrites[i] = shape(api, f, c.obj, ip.qualify)
		}
	}
	unused := ip.unusedAfter(rewrites)

	diags := make([]analysis.Diagnostic, 0, len(findings))
	for i, f := range findings {
		d := analysis.Diagnostic{Pos: f.site.expr.Pos(), End: f.site.expr.End(), Message: f.message(ip)}
		if rw := rewrites[i]; rw.edits != nil {
			edits := rw.edits
			for _, pkg := range rw.writes {
				if _, ok := ip.added[pkg]; ok {
					edits = append(edits, ip.addEdit(pkg))
				}
			}
			for _, spec := range unused {
				if removesAnyUse(pass, spec, rw.edits) {
					edits = append(edits, ip.removeEdit(spec))
				}
			}
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: rw.message, TextEdits: edits}}
		}
		diags = append(diags, d)
	}
	return diags
}

// unusedAfter returns the imports of the file that no reference would use
// once all the rewrites are applied.
func (ip *importPlan) unusedAfter(rewrites []rewrite) []*ast.ImportSpec {
	var deleted []analysis.TextEdit
	written := map[*types.Package]bool{}
	for _, rw := range rewrites {
		deleted = append(deleted, rw.edits...)
		for _, pkg := range rw.writes {
			if _, added := ip.added[pkg]; !added {
				written[pkg] = true
			}
		}
	}
	if len(deleted) == 0 {
		return nil
	}
	var unused []*ast.ImportSpec
	for _, spec := range ip.file.Imports {
		pn := importedName(ip.pass.TypesInfo, spec)
		if pn == nil || pn.Name() == "_" || written[pn.Imported()] && pn.Name() != "." {
			continue
		}
		if !removesAnyUse(ip.pass, spec, deleted) {
			continue
		}
		if countUses(ip.pass, ip.file, pn, deleted) == 0 {
			unused = append(unused, spec)
		}
	}
	return unused
}

func importedName(info *types.Info, spec *ast.ImportSpec) *types.PkgName {
	obj := info.Implicits[spec]
	if spec.Name != nil {
		obj = info.Defs[spec.Name]
	}
	pn, _ := obj.(*types.PkgName)
	return pn
}

// countUses counts the references through an import that lie outside the
// deleted ranges: qualified identifiers for a named import, unqualified
// package-level names for a dot import.
func countUses(pass *analysis.Pass, file *ast.File, pn *types.PkgName, deleted []analysis.TextEdit) int {
	n := 0
	forEachUse(pass, file, pn, func(id *ast.Ident) {
		if !inside(id.Pos(), deleted) {
			n++
		}
	})
	return n
}

func forEachUse(pass *analysis.Pass, file *ast.File, pn *types.PkgName, f func(*ast.Ident)) {
	info := pass.TypesInfo
	dot := pn.Name() == "."
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ImportSpec:
			return false
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok {
				if dot {
					dotUse(info, pn, id, f)
				} else if info.Uses[id] == pn {
					f(id)
				}
			} else {
				ast.Inspect(n.X, visit)
			}
			return false // n.Sel is a member, not a reference through an import
		case *ast.Ident:
			if dot {
				dotUse(info, pn, n, f)
			}
		}
		return true
	}
	ast.Inspect(file, visit)
}

func dotUse(info *types.Info, pn *types.PkgName, id *ast.Ident, f func(*ast.Ident)) {
	if obj := info.Uses[id]; obj != nil && obj.Pkg() == pn.Imported() && obj.Parent() == pn.Imported().Scope() {
		f(id)
	}
}

// removesAnyUse reports whether edits delete a reference through spec.
func removesAnyUse(pass *analysis.Pass, spec *ast.ImportSpec, edits []analysis.TextEdit) bool {
	pn := importedName(pass.TypesInfo, spec)
	if pn == nil {
		return false
	}
	var file *ast.File
	for _, f := range pass.Files {
		if f.Pos() <= spec.Pos() && spec.Pos() < f.End() {
			file = f
		}
	}
	found := false
	forEachUse(pass, file, pn, func(id *ast.Ident) {
		if inside(id.Pos(), edits) {
			found = true
		}
	})
	return found
}

func inside(pos token.Pos, edits []analysis.TextEdit) bool {
	for _, e := range edits {
		if e.Pos <= pos && pos < e.End {
			return true
		}
	}
	return false
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
	head := fmt.Sprintf("hard-coded %s %s", f.site.role, strconv.Quote(f.site.value))
	c := f.best()
	if c == nil {
		return head + ": no constant defines it"
	}
	var use string
	if c.fixable() {
		use = ip.qualify(c.obj.Pkg(), c.name)
	} else {
		use = fmt.Sprintf("%s.%s (import %q)", c.pkgName, c.name, c.path)
	}
	msg := head + ": use " + use
	if others := f.cands[1:]; len(others) > 0 {
		names := make([]string, 0, 3)
		for i, o := range others {
			if i == 3 {
				names = append(names, fmt.Sprintf("and %d more", len(others)-3))
				break
			}
			if o.obj != nil && o.obj.Pkg() == ip.pass.Pkg {
				names = append(names, o.name)
			} else {
				names = append(names, o.pkgName+"."+o.name)
			}
		}
		verb := "constants have"
		if len(others) == 1 {
			verb = "constant has"
		}
		msg += fmt.Sprintf(" (%d other %s this value: %s)", len(others), verb, strings.Join(names, ", "))
	}
	return msg
}
