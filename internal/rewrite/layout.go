package rewrite

import (
	"go/ast"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// The import edits of one file's fixes are planned together. ip.gone holds
// the imports that some fix of the file removes; a new import is placed
// beside an import that stays, never inside a range that a removal deletes
// (at most at its start or end, where an insertion means the same in
// whichever order a driver applies the two). Each edit depends only on the
// file and on ip.gone, so two fixes that add, or remove, the same import
// carry identical edits, which drivers apply once.
//
// Lines are the file's own (fileLine), whatever //line directives say.

// importLayout is the file's import declarations, each parenthesised one's
// specs split into groups at blank lines.
type importLayout struct {
	tf     *token.File
	decls  []*ast.GenDecl
	declOf map[*ast.ImportSpec]*ast.GenDecl
	groups map[*ast.GenDecl][][]*ast.ImportSpec
}

func (ip *Plan) layout() *importLayout {
	if ip.lay != nil {
		return ip.lay
	}
	l := &importLayout{tf: ip.fset.File(ip.file.Pos()), declOf: map[*ast.ImportSpec]*ast.GenDecl{}, groups: map[*ast.GenDecl][][]*ast.ImportSpec{}}
	for _, d := range ip.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		l.decls = append(l.decls, gd)
		var groups [][]*ast.ImportSpec
		prev := -1
		for _, s := range gd.Specs {
			is := s.(*ast.ImportSpec)
			l.declOf[is] = gd
			if len(groups) == 0 || fileLine(l.tf, specFrom(is)) > prev+1 {
				groups = append(groups, nil)
			}
			groups[len(groups)-1] = append(groups[len(groups)-1], is)
			prev = fileLine(l.tf, specTo(is))
		}
		l.groups[gd] = groups
	}
	ip.lay = l
	return l
}

// Groups returns the groups of the import declaration that holds spec, in
// order: its specs split at blank lines, each of which gofmt sorts on its
// own. The groups belong to the plan: do not modify them.
func (ip *Plan) Groups(spec *ast.ImportSpec) [][]*ast.ImportSpec {
	l := ip.layout()
	return l.groups[l.declOf[spec]]
}

// fileLine is pos's line in the file itself, whatever //line directives
// say.
func fileLine(tf *token.File, pos token.Pos) int { return tf.PositionFor(pos, false).Line }

// specFrom and specTo bound a spec with its comments.
func specFrom(is *ast.ImportSpec) token.Pos {
	if is.Doc != nil {
		return is.Doc.Pos()
	}
	return is.Pos()
}

func specTo(is *ast.ImportSpec) token.Pos {
	if is.Comment != nil {
		return is.Comment.End()
	}
	return is.End()
}

// declFrom and declTo bound a top-level declaration with its comments.
func declFrom(d ast.Decl) token.Pos {
	if gd, ok := d.(*ast.GenDecl); ok && gd.Doc != nil {
		return gd.Doc.Pos()
	}
	if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
		return fd.Doc.Pos()
	}
	return d.Pos()
}

func declTo(d ast.Decl) token.Pos {
	end := d.End()
	if gd, ok := d.(*ast.GenDecl); ok && !gd.Lparen.IsValid() && len(gd.Specs) == 1 {
		if is, ok := gd.Specs[0].(*ast.ImportSpec); ok {
			end = max(end, specTo(is))
		}
	}
	return end
}

func (ip *Plan) isGone(is *ast.ImportSpec) bool { return ip.gone[is] }

// allGone reports whether some fix removes every one of specs, and there is one.
func (ip *Plan) allGone(specs []ast.Spec) bool {
	return len(specs) > 0 && !ip.live(specs)
}

// live reports whether one of specs stays.
func (ip *Plan) live(specs []ast.Spec) bool {
	return slices.ContainsFunc(specs, func(s ast.Spec) bool { return !ip.gone[s.(*ast.ImportSpec)] })
}

// occupied calls visit with the range of every node and comment group of
// the file that may share a line with the imports, in order, until visit
// returns false or the nodes lie past limit: the package clause, the
// declarations, the import specs and the tokens of the import
// declarations.
func (ip *Plan) occupied(limit token.Pos, visit func(pos, end token.Pos, comment bool) bool) {
	f := ip.file
	if !visit(f.Package, f.Name.End(), false) {
		return
	}
	for _, d := range f.Decls {
		if declFrom(d) > limit {
			break
		}
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			if !visit(declFrom(d), declTo(d), false) {
				return
			}
			continue
		}
		tokens := []token.Pos{gd.TokPos, gd.Lparen, gd.Rparen}
		for _, p := range tokens {
			if p.IsValid() && !visit(p, p+1, false) {
				return
			}
		}
		for _, s := range gd.Specs {
			is := s.(*ast.ImportSpec)
			if !visit(specFrom(is), specTo(is), false) {
				return
			}
		}
	}
	for _, g := range f.Comments {
		if g.Pos() > limit {
			break
		}
		if !visit(g.Pos(), g.End(), true) {
			return
		}
	}
}

// alone reports whether the lines from from's to to's hold nothing but
// what lies between from and to, and comments within those lines: deleting
// the whole lines deletes just that.
func (ip *Plan) alone(from, to token.Pos) bool {
	tf := ip.layout().tf
	first, last := fileLine(tf, from), fileLine(tf, to)
	ok := true
	ip.occupied(ip.lineStart(last+1), func(pos, end token.Pos, comment bool) bool {
		if pos >= from && end <= to {
			return true
		}
		pl, el := fileLine(tf, pos), fileLine(tf, end)
		if el < first || pl > last {
			return true
		}
		if comment && pl >= first && el <= last {
			return true // deleted along
		}
		ok = false
		return false
	})
	return ok
}

// blank reports whether the lines from first to last hold nothing.
func (ip *Plan) blank(first, last int) bool {
	if first < 1 || last < first || last > ip.layout().tf.LineCount() {
		return false
	}
	tf := ip.layout().tf
	ok := true
	ip.occupied(ip.lineStart(last+1), func(pos, end token.Pos, _ bool) bool {
		if fileLine(tf, end) >= first && fileLine(tf, pos) <= last {
			ok = false
		}
		return ok
	})
	return ok
}

// lineStart is where a line of the file starts; past the last line, the
// end of the file.
func (ip *Plan) lineStart(line int) token.Pos {
	tf := ip.layout().tf
	if line > tf.LineCount() {
		return token.Pos(tf.Base() + tf.Size())
	}
	return tf.LineStart(line)
}

// lines deletes whole lines.
func (ip *Plan) lines(first, last int) analysis.TextEdit {
	return analysis.TextEdit{Pos: ip.lineStart(first), End: ip.lineStart(last + 1)}
}
