package analyzer_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// oldotel is a second testdata module, on go.opentelemetry.io/otel v1.28.0,
// whose newest semconv package is v1.26.0 (.ci/run downloads it).
var oldotel = filepath.Join("..", "testdata", "oldotel")

// TestSemconvHintModuleOtel: the semconv hint names the newest semconv
// package of the otel version that the module requires, not of the one
// spanattrlint was built with, says which otel version a key needs where
// the module's has none, and a version the package imports wins.
var oldotelCases = []pkgCase{old("semconvhint"), old("semconvolder"), old("semconvimported")}

func TestSemconvHintModuleOtel(t *testing.T) {
	t.Parallel()
	runCases(t, oldotelCases, nil)
}

// TestLocalConstNamed: a constant of the package with the literal's value
// that the key rules leave out is named in the message, with no fix.
var localCases = []pkgCase{app("localfiltered", analyzer.Config{})}

func TestLocalConstNamed(t *testing.T) {
	t.Parallel()
	runCases(t, localCases, nil)
}

// TestUnmatchedFollowsHints: what spanattrlint gen makes constants for.
// A value the package's own constant holds is not unmatched (gen would
// write a second constant beside it); a key whose semconv constant the
// module's otel version lacks is (the module cannot import it).
func TestUnmatchedFollowsHints(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		c    pkgCase
		want []string
	}{
		{app("localfiltered", analyzer.Config{}), []string{"taskqueues"}},
		{old("semconvhint"), []string{"artifact.hash"}},
	} {
		var got []string
		for _, r := range check(t, tc.c) {
			for _, u := range r.Result.(*analyzer.Result).Unmatched {
				got = append(got, u.Value)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: unmatched %q, want %q", tc.c.pkg, got, tc.want)
		}
	}
}
