package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/site"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// dropPinning drops the hard-coded findings of test files that pin a
// constant's value: a literal written beside the very constant the fix
// would write, in one comparison or composite literal
// ({got: ReadBytesKey, want: attribute.Key("http.read_bytes")}), where the
// fix would make the test compare the constant with itself.
func (st *passState) dropPinning(hardCoded []*site.Finding) []*site.Finding {
	insp := st.pass.ResultOf[inspectorAnalyzer].(*inspector.Inspector)
	return slices.DeleteFunc(hardCoded, func(f *site.Finding) bool { return pins(st.pass, insp, f) })
}

func pins(pass *analysis.Pass, insp *inspector.Inspector, f *site.Finding) bool {
	c := f.FixConst()
	if c == nil || !strings.HasSuffix(pass.Fset.File(f.File.Pos()).Name(), "_test.go") {
		return false
	}
	cur, ok := insp.Root().FindNode(f.Site.Expr)
	if !ok {
		return false
	}
	for enc := range cur.Enclosing() {
		switch n := enc.Node().(type) {
		case ast.Stmt, *ast.FuncDecl:
			return false
		case *ast.CompositeLit:
			return refersTo(pass.TypesInfo, n, c)
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				return refersTo(pass.TypesInfo, n, c)
			}
		}
	}
	return false
}

func refersTo(info *types.Info, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}
