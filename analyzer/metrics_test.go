package analyzer_test

import (
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
