// Package metricconstantsadd: with -constants, a metric name that a
// configured package's constant holds is fixed with it even where the
// package does not import it yet: the fix adds the import.
package metricconstantsadd

import "go.opentelemetry.io/otel/metric"

func names(m metric.Meter) {
	m.Int64Counter("app.jobs.started", metric.WithUnit("{job}")) // want `hard-coded metric name "app.jobs.started": use metricconsts.JobsStarted$`
}
