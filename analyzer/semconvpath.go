package analyzer

import (
	"go/ast"
	"go/types"

	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// IsSemconvPackage reports whether path is a go.opentelemetry.io/otel/semconv
// package, whose keys the analyzer knows from its embedded table (for
// spanattrlint gen, which need not load them as -constants packages).
func IsSemconvPackage(path string) bool { return otelapi.IsSemconv(path) }

// semconvSelectors calls f for every selector of the package's files that
// names an object of a semconv package (semconv.ServerPortKey,
// semconv.HTTPRequestMethodGet, semconv.ServerPort), with its file; nothing
// when the package imports no semconv package.
func semconvSelectors(pass *analysis.Pass, f func(file *ast.File, sel *ast.SelectorExpr, obj types.Object)) {
	if !importsSemconv(pass.Pkg) {
		return
	}
	insp := pass.ResultOf[inspectorAnalyzer].(*inspector.Inspector)
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
