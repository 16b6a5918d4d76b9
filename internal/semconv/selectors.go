package semconv

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/spanattrlint/spanattrlint/internal/otelapi"
)

// Selectors calls f for every selector of the package's files that
// names an object of a semconv package (semconv.ServerPortKey,
// semconv.HTTPRequestMethodGet, semconv.ServerPort), with its file; nothing
// when the package imports no semconv package.
func Selectors(pass *analysis.Pass, f func(file *ast.File, sel *ast.SelectorExpr, obj types.Object)) {
	if !Imports(pass.Pkg) {
		return
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var file *ast.File
	insp.Preorder([]ast.Node{(*ast.File)(nil), (*ast.SelectorExpr)(nil)}, func(n ast.Node) {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			file = n.(*ast.File)
			return
		}
		if obj := pass.TypesInfo.Uses[sel.Sel]; obj != nil && obj.Pkg() != nil && otelapi.IsSemconv(obj.Pkg().Path()) {
			f(file, sel, obj)
		}
	})
}

// Imports reports whether pkg imports a semconv package.
func Imports(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if otelapi.IsSemconv(imp.Path()) {
			return true
		}
	}
	return false
}
