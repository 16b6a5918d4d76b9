package rewrite

import (
	"go/ast"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// removal is the edit that removes an import, and whether it also deletes
// the blank line after a whole declaration (the new import that takes the
// declaration's place puts it back).
type removal struct {
	edit       analysis.TextEdit
	lines      bool // whole lines (else the spec's or declaration's text)
	blankAfter bool
}

// RemoveEdit returns the edit that deletes an import spec: its lines, with
// the blank line that set its group apart when the whole group goes, or
// its whole declaration when every spec of it goes (as MarkRemoved says);
// where the lines hold more than that (imports that share a line), just
// its text. Two specs whose removal deletes one declaration get identical
// edits.
func (ip *Plan) RemoveEdit(spec *ast.ImportSpec) analysis.TextEdit {
	return ip.removal(spec).edit
}

func (ip *Plan) removal(spec *ast.ImportSpec) removal {
	if r, ok := ip.removals[spec]; ok {
		return r
	}
	r := ip.buildRemoval(spec)
	ip.removals[spec] = r
	return r
}

func (ip *Plan) buildRemoval(spec *ast.ImportSpec) removal {
	l := ip.layout()
	tf := l.tf
	decl := l.declOf[spec]
	if ip.allGone(decl.Specs) {
		from, to := declFrom(decl), declTo(decl)
		if !ip.alone(from, to) {
			return removal{edit: ip.preciseDecl(decl)}
		}
		first, last := fileLine(tf, from), fileLine(tf, to)
		// Between blank lines, one of them goes too.
		if ip.blank(first-1, first-1) && ip.blank(last+1, last+1) {
			return removal{edit: ip.lines(first, last+1), lines: true, blankAfter: true}
		}
		return removal{edit: ip.lines(first, last), lines: true}
	}
	from, to := specFrom(spec), specTo(spec)
	if !ip.alone(from, to) {
		return removal{edit: ip.preciseSpec(decl, spec)}
	}
	first, last := fileLine(tf, from), fileLine(tf, to)
	groups := l.groups[decl]
	gi := slices.IndexFunc(groups, func(g []*ast.ImportSpec) bool { return slices.Contains(g, spec) })
	g := groups[gi]
	if !slices.ContainsFunc(g, func(is *ast.ImportSpec) bool { return !ip.isGone(is) }) {
		// The whole group goes, with one blank line beside it: the one
		// before it when an import stays before it, else the one after.
		liveBefore := slices.ContainsFunc(groups[:gi], func(g []*ast.ImportSpec) bool {
			return slices.ContainsFunc(g, func(is *ast.ImportSpec) bool { return !ip.isGone(is) })
		})
		switch {
		case liveBefore && spec == g[0]:
			prev := groups[gi-1]
			if end := fileLine(tf, specTo(prev[len(prev)-1])); ip.blank(end+1, first-1) {
				first = end + 1
			}
		case !liveBefore && spec == g[len(g)-1] && gi+1 < len(groups):
			if start := fileLine(tf, specFrom(groups[gi+1][0])); ip.blank(last+1, start-1) {
				last = start - 1
			}
		}
	}
	return removal{edit: ip.lines(first, last), lines: true}
}

// preciseSpec deletes a spec that shares a line, with what separates it
// from its neighbour on that line.
func (ip *Plan) preciseSpec(decl *ast.GenDecl, spec *ast.ImportSpec) analysis.TextEdit {
	tf := ip.layout().tf
	from, to := specFrom(spec), specTo(spec)
	i := slices.Index(decl.Specs, ast.Spec(spec))
	if i+1 < len(decl.Specs) {
		if next := specFrom(decl.Specs[i+1].(*ast.ImportSpec)); fileLine(tf, next) == fileLine(tf, to) {
			return analysis.TextEdit{Pos: from, End: next}
		}
	}
	if i > 0 {
		prev := decl.Specs[i-1].(*ast.ImportSpec)
		if !ip.isGone(prev) && fileLine(tf, specTo(prev)) == fileLine(tf, from) {
			return analysis.TextEdit{Pos: specTo(prev), End: to}
		}
	}
	if decl.Rparen.IsValid() && fileLine(tf, decl.Rparen) == fileLine(tf, to) && i+1 == len(decl.Specs) {
		return analysis.TextEdit{Pos: from, End: decl.Rparen} // and a ";" before ")"
	}
	return analysis.TextEdit{Pos: from, End: to}
}

// preciseDecl deletes a declaration that shares a line, with what
// separates it from its neighbour on that line.
func (ip *Plan) preciseDecl(decl *ast.GenDecl) analysis.TextEdit {
	tf := ip.layout().tf
	from, to := declFrom(decl), declTo(decl)
	decls := ip.file.Decls
	i := slices.Index(decls, ast.Decl(decl))
	if i+1 < len(decls) {
		if next := declFrom(decls[i+1]); fileLine(tf, next) == fileLine(tf, to) {
			return analysis.TextEdit{Pos: from, End: next}
		}
	}
	prevEnd, prevLive := ip.file.Name.End(), true
	if i > 0 {
		prevEnd = declTo(decls[i-1])
		if gd, ok := decls[i-1].(*ast.GenDecl); ok && gd.Tok == token.IMPORT && ip.allGone(gd.Specs) {
			prevLive = false
		}
	}
	if prevLive && fileLine(tf, prevEnd) == fileLine(tf, from) {
		return analysis.TextEdit{Pos: prevEnd, End: to}
	}
	return analysis.TextEdit{Pos: from, End: to}
}
