// Package metricconstants: with -constants, the exported constants of a
// configured package that the file imports name metric names too.
package metricconstants

import (
	mc "example.com/app/internal/metricconsts"
	"go.opentelemetry.io/otel/metric"
)

func names(m metric.Meter) {
	m.Int64Counter("app.jobs.started", metric.WithUnit("{job}")) // want `hard-coded metric name "app.jobs.started": use mc.JobsStarted`
	m.Int64Counter("app.jobs.hidden")                            // unexported: not offered
	m.Int64Counter(mc.JobsStarted)
}
