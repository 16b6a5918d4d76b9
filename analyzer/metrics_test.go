package analyzer_test

import (
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// metricCases: the metric instrument checks (issue 22). metrics turns the
// hard-coded name check off to show the others one per line.
var metricCases = []pkgCase{
	app("metrics", analyzer.Config{NoMetricNames: true}),
	app("metricnames", analyzer.Config{}),
	app("metrichint", analyzer.Config{}),
}

func TestMetrics(t *testing.T) {
	t.Parallel()
	runCases(t, metricCases, nil)
}
