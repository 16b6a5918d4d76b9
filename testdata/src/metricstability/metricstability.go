// Package metricstability: with -stability=stable, conventions metrics
// below stable are reported.
package metricstability

import "go.opentelemetry.io/otel/metric"

func levels(m metric.Meter) {
	m.Float64Histogram("http.server.request.duration", metric.WithUnit("s"))
	m.Int64Counter("aspnetcore.authentication.challenges", metric.WithUnit("{challenge}")) // want `metric "aspnetcore.authentication.challenges" is development in the semantic conventions, below -stability=stable`
	m.Int64UpDownCounter("cicd.pipeline.run.active", metric.WithUnit("{run}"))             // want `metric "cicd.pipeline.run.active" is release_candidate in the semantic conventions, below -stability=stable`
	m.Int64Counter("app.jobs", metric.WithUnit("{job}"))
}
