package suppress

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
//
// Lines are the file's own, the ones the user sees and writes the
// directive on, never those a //line directive (template, cgo and yacc
// output) assigns: see fileLine. For a file without //line directives that
// is what golangci-lint does. With them, golangci-lint (which applies
// //nolint itself when spanattrlint runs as its plugin) maps a finding back
// to its line in the file only when the directive precedes the package
// clause, and reads the directives at the lines the //line directives
// assign: it has no consistent meaning there to follow. Here a directive
// covers the finding on its own line of the file, whatever the //line
// directives say, and no position can lie outside the file.
type nolint struct {
	ranges [][2]int // inclusive line ranges
}

// The file's source, needed only beside a directive, is read on first use.
func newNolint(fset *token.FileSet, file *ast.File, name string, readSrc func() []byte) *nolint {
	var nl nolint
	var src []byte
	tf := fset.File(file.Pos())
	starts := map[int]bool{} // lines whose directive may cover the next node
	for _, g := range file.Comments {
		for _, c := range g.List {
			if !isNolintFor(c.Text, name) {
				continue
			}
			line := fileLine(tf, c.Pos())
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
			if start := fileLine(tf, n.Pos()); starts[start] {
				nl.ranges = append(nl.ranges, [2]int{start, fileLine(tf, n.End())})
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

// isNolintFor parses "//nolint", "//nolint:a,spanattrlint // why" and
// "//nolint:all".
func isNolintFor(text, name string) bool {
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
		if n == name || n == "all" {
			return true
		}
	}
	return false
}

// aloneOnLine reports whether only white space precedes pos on its line.
func aloneOnLine(tf *token.File, src []byte, pos token.Pos) bool {
	off := tf.Offset(pos)
	start := tf.Offset(tf.LineStart(fileLine(tf, pos)))
	if src == nil || off > len(src) || len(src) != tf.Size() {
		return false // not the source that was parsed
	}
	return strings.TrimSpace(string(src[start:off])) == ""
}

// fileLine is pos's line in the file itself, whatever //line directives
// say. Template, cgo and yacc output carry //line directives, which make
// token.File.Line and Position report the lines of another file: lines
// past the end of this one, which token.File.LineStart rejects with a
// panic, or lines of this one that hold something else. Every line the
// analyzer computes is the file's own.
func fileLine(tf *token.File, pos token.Pos) int { return tf.PositionFor(pos, false).Line }
