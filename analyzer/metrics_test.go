package analyzer_test

import (
	"slices"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// metricCases: the metric instrument checks (issue 22). metrics turns the
// hard-coded name check off to show the others one per line; the names
// of the semantic conventions are named by what the module's otel version
// has: metrichint (v1.47.0) and metricsold (v1.28.0).
var metricCases = []pkgCase{
	app("metrics", analyzer.Config{NoMetricNames: true}),
	app("metricnames", analyzer.Config{}),
	app("metrichint", analyzer.Config{}),
	app("metrichintnew", analyzer.Config{}),
	app("metricstability", analyzer.Config{Stability: "stable", NoMetricNames: true}),
	app("metricconstants", analyzer.Config{Constants: []string{"example.com/app/internal/metricconsts"}}),
	app("metricconstantsadd", analyzer.Config{Constants: []string{"example.com/app/internal/metricconsts"}}),
	app("metricfixshared", analyzer.Config{}),
	app("metricfixalias", analyzer.Config{}),
	app("internal/metricconsts", analyzer.Config{Constants: []string{"example.com/app/internal/metricconsts"}}),
	old("metricsold"), // otel v1.28.0: semconv v1.26.0's constants, no instrument types
}

func TestMetrics(t *testing.T) {
	t.Parallel()
	runCases(t, metricCases, nil)
}

// TestMetricNamesUnmatched: the Result lists the literal metric names that
// no constant holds, which spanattrlint gen makes constants for: not a name
// a constant of the package holds (even where a local name hides it), nor a
// semantic-conventions name, and a name that only a _test.go constant holds
// only for the package's own files.
func TestMetricNamesUnmatched(t *testing.T) {
	t.Parallel()
	var got []string
	for _, r := range check(t, app("metricnames", analyzer.Config{})) {
		for _, u := range r.Result.(*analyzer.Result).Unmatched {
			got = append(got, u.Role+" "+u.Value)
		}
	}
	slices.Sort(got)
	got = slices.Compact(got)
	want := []string{"metric name app.other", "metric name app.test_only", "metric name app.typed"}
	if !slices.Equal(got, want) {
		t.Errorf("unmatched = %q, want %q", got, want)
	}
}
