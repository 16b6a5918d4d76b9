package analyzer

import (
	"bytes"
	"go/ast"
	"go/scanner"
	"go/token"
)

// importLayout tells, from a file's source, whether its import
// declarations sit on lines of their own, as gofmt writes them. addEdit
// and removeEdit edit whole lines there, which keeps the file gofmt-clean;
// in other layouts that go build accepts (import("a"; "b"),
// import "a"; var x = 1) whole-line edits would cut tokens off, so the
// edits are made at token positions instead, which keeps the file valid.
// Without the source every layout counts as gofmt's.
type importLayout struct {
	tf  *token.File
	src []byte // nil: unknown
}

func (ip *importPlan) layout() *importLayout {
	if ip.lay == nil {
		tf := ip.pass.Fset.File(ip.file.Pos())
		ip.lay = &importLayout{tf: tf, src: readSource(ip.pass, tf)}
	}
	return ip.lay
}

// ownsLines reports whether only white space precedes from on its line
// and only white space or a // comment follows to on its line.
func (l *importLayout) ownsLines(from, to token.Pos) bool {
	return l.spaceBefore(from) && l.commentAfter(to)
}

func (l *importLayout) spaceBefore(pos token.Pos) bool {
	if l.src == nil {
		return true
	}
	before := l.src[:l.tf.Offset(pos)]
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return len(bytes.TrimSpace(before)) == 0
}

func (l *importLayout) commentAfter(pos token.Pos) bool {
	if l.src == nil {
		return true
	}
	after := l.src[l.tf.Offset(pos):]
	if i := bytes.IndexByte(after, '\n'); i >= 0 {
		after = after[:i]
	}
	after = bytes.TrimSpace(after)
	return len(after) == 0 || bytes.HasPrefix(after, []byte("//"))
}

// tidyBlock reports whether nothing but a comment follows the "(" of a
// parenthesised import declaration on its line, nothing precedes its ")",
// and each spec has lines of its own.
func (l *importLayout) tidyBlock(gd *ast.GenDecl) bool {
	if !l.commentAfter(gd.Lparen+1) || !l.spaceBefore(gd.Rparen) {
		return false
	}
	for _, s := range gd.Specs {
		is := s.(*ast.ImportSpec)
		if !l.ownsLines(specStart(is), specEnd(is)) {
			return false
		}
	}
	return true
}

// afterSemicolon returns the end of a ";" written right after pos (past
// white space and comments) and of the blanks after it, or pos: deleting
// a spec or declaration takes its separator along, or "import (; b)"
// would remain.
func (l *importLayout) afterSemicolon(pos token.Pos) token.Pos {
	if l.src == nil {
		return pos
	}
	off := l.tf.Offset(pos)
	f := token.NewFileSet().AddFile("", -1, len(l.src)-off)
	var s scanner.Scanner
	s.Init(f, l.src[off:], nil, 0)
	// Scanning starts with no pending semicolon, so a newline is white
	// space here: only a written ";" is found.
	p, tok, lit := s.Scan()
	if tok != token.SEMICOLON || lit != ";" {
		return pos
	}
	end := off + f.Offset(p) + 1
	for end < len(l.src) && (l.src[end] == ' ' || l.src[end] == '\t') {
		end++ // and the blanks before what follows on the line
	}
	return pos + token.Pos(end-off)
}

func specStart(is *ast.ImportSpec) token.Pos {
	if is.Doc != nil {
		return is.Doc.Pos()
	}
	return is.Pos()
}

func specEnd(is *ast.ImportSpec) token.Pos {
	if is.Comment != nil {
		return is.Comment.End()
	}
	return is.End()
}

func declStart(gd *ast.GenDecl) token.Pos {
	if gd.Doc != nil {
		return gd.Doc.Pos()
	}
	return gd.Pos()
}
