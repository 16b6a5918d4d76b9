package analyzer_test

import (
	"path/filepath"
	"slices"
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

// TestUnmatchedFollowsHints: what spanattrlint gen makes constants for.
// A value the package's own constant holds is not unmatched (gen would
// write a second constant beside it); a key whose semconv constant the
// module's otel version lacks is (the module cannot import it).
func TestUnmatchedFollowsHints(t *testing.T) {
	for _, tc := range []struct {
		dir, pkg string
		want     []string
	}{
		{testdata, "example.com/app/localfiltered", []string{"taskqueues"}},
		{oldotel, "example.com/oldotel/semconvhint", []string{"artifact.hash"}},
	} {
		var got []string
		for _, r := range analysistest.Run(t, tc.dir, analyzer.New(analyzer.Config{}), tc.pkg) {
			for _, u := range r.Result.(*analyzer.Result).Unmatched {
				got = append(got, u.Value)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: unmatched %q, want %q", tc.pkg, got, tc.want)
		}
	}
}
