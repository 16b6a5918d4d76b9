package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// TestRecall guards packages and call forms that the analyzer used to
// skip: method values and expressions, hand-written comments that mention
// "do not edit", a package's own constant groups, and -constants packages
// that import no OpenTelemetry package.
func TestRecall(t *testing.T) {
	for _, tc := range []struct {
		pkg string
		cfg analyzer.Config
	}{
		{"methodvalue", analyzer.Config{Constants: []string{tracingPkg}}},
		{"laxgen", analyzer.Config{}},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(tc.cfg), "example.com/app/"+tc.pkg)
		})
	}
}
