package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// oldotel is a second testdata module, on go.opentelemetry.io/otel v1.28.0,
// whose newest semconv package is v1.26.0 (.ci/run downloads it).
var oldotel = filepath.Join("..", "testdata", "oldotel")

// TestSemconvHintModuleOtel: the semconv hint names the newest semconv
// package of the otel version that the module requires, not of the one
// spanattrlint was built with, says which otel version a key needs where
// the module's has none, and a version the package imports wins.
func TestSemconvHintModuleOtel(t *testing.T) {
	for _, pkg := range []string{"semconvhint", "semconvolder", "semconvimported"} {
		t.Run(pkg, func(t *testing.T) {
			analysistest.RunWithSuggestedFixes(t, oldotel, analyzer.New(analyzer.Config{}), "example.com/oldotel/"+pkg)
		})
	}
}

// TestLocalConstNamed: a constant of the package with the literal's value
// that the key rules leave out is named in the message, with no fix.
func TestLocalConstNamed(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(analyzer.Config{}), "example.com/app/localfiltered")
}
