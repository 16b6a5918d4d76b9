package analyzer

import (
	"go/ast"
	"go/token"
	"strings"
)

// nolint tells which lines of a file carry a //nolint directive for this
// analyzer, with golangci-lint's meaning, so that the command and the plugin
// agree: a directive covers its own line, and a directive on the line where
// a declaration or statement starts, or alone on the line just before it,
// covers that whole node.
type nolint struct {
	ranges [][2]int // inclusive line ranges
}

// The file's source, needed only beside a directive, is read on first use.
func newNolint(fset *token.FileSet, file *ast.File, readSrc func() []byte) *nolint {
	var nl nolint
	var src []byte
	tf := fset.File(file.Pos())
	starts := map[int]bool{} // lines whose directive may cover the next node
	for _, g := range file.Comments {
		for _, c := range g.List {
			if !isNolintForUs(c.Text) {
				continue
			}
			line := tf.Line(c.Pos())
			nl.ranges = append(nl.ranges, [2]int{line, line})
			starts[line] = true
			if src == nil {
				src = readSrc()
			}
			if aloneOnLine(tf, src, c.Pos()) {
				starts[line+1] = true
			}
		}
	}
	if len(nl.ranges) == 0 {
		return &nl
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n.(type) {
		case ast.Decl, ast.Stmt, ast.Spec:
			if start := tf.Line(n.Pos()); starts[start] {
				nl.ranges = append(nl.ranges, [2]int{start, tf.Line(n.End())})
			}
		}
		return true
	})
	return &nl
}

func (nl *nolint) covers(line int) bool {
	for _, r := range nl.ranges {
		if r[0] <= line && line <= r[1] {
			return true
		}
	}
	return false
}

// isNolintForUs parses "//nolint", "//nolint:a,spanattrlint // why" and
// "//nolint:all".
func isNolintForUs(text string) bool {
	text = strings.TrimLeft(strings.TrimPrefix(text, "//"), " ")
	rest, ok := strings.CutPrefix(text, "nolint")
	if !ok {
		return false
	}
	if rest == "" || rest[0] == ' ' || rest[0] == '\t' {
		return true
	}
	if rest[0] != ':' {
		return false
	}
	names, _, _ := strings.Cut(rest[1:], " ")
	for _, n := range strings.Split(names, ",") {
		if n == Name || n == "all" {
			return true
		}
	}
	return false
}

// aloneOnLine reports whether only white space precedes pos on its line.
func aloneOnLine(tf *token.File, src []byte, pos token.Pos) bool {
	off := tf.Offset(pos)
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	if src == nil || off > len(src) {
		return false
	}
	return strings.TrimSpace(string(src[start:off])) == ""
}
