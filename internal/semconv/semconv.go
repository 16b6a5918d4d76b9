// Package semconv is the semantic-conventions phase: the checks that look
// at which semconv package versions a package imports and writes, not at
// single keys: -semconv-version (one version per module, with the fix
// that moves an import, version.go and move.go) and the schema URL of a
// resource built with one version's attributes and another's URL
// (schemaurl.go); and the Go names of the conventions' members and
// helpers in each version (names.go), which the value checks name.
package semconv

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/rewrite"
	"github.com/spanattrlint/spanattrlint/internal/suppress"
)

// Input is what the phase reads of one package.
type Input struct {
	Pass        *analysis.Pass
	Sup         *suppress.Suppressor
	Target      string        // -semconv-version; "" checks no versions
	Migrate     bool          // -migrate-deprecated: a move may rename a key
	NoSchemaURL bool          // the schema-URL check is off
	Otel        func() string // the go.opentelemetry.io/otel version the module requires, "" if unknown; asked at most once
}

// Moved is an import whose move to the target version a fix offers: the
// other fixes of its file that write a semconv package or use the import
// must give way (the analyzer withdraws them).
type Moved struct {
	File   *ast.File
	Import *types.PkgName
}

// A checker runs the phase's checks on one package.
type checker struct {
	pass        *analysis.Pass
	sup         *suppress.Suppressor
	target      string
	migrate     bool
	noSchemaURL bool
	otel        func() string
	moved       []Moved // the imports whose move fix is offered (reportMove)
}

func newChecker(in Input) *checker {
	return &checker{pass: in.Pass, sup: in.Sup, target: in.Target, migrate: in.Migrate, noSchemaURL: in.NoSchemaURL, otel: in.Otel}
}

// CheckSchemaURLs reports a resource whose schema URL is one version's
// and whose attributes are another's (schemaurl.go).
func CheckSchemaURLs(in Input) {
	newChecker(in).checkSchemaURLs()
}

func newImportPlan(pass *analysis.Pass, file *ast.File) *rewrite.Plan {
	return rewrite.NewPlan(pass.Fset, pass.TypesInfo, pass.Pkg, file)
}

var (
	importPath   = rewrite.ImportPath
	importedName = rewrite.ImportedName
)
