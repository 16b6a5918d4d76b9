// Package metricsold: semantic-convention metric names in a module on
// otel v1.28.0, whose newest semconv package with metric constants is
// v1.26.0 and which has no instrument types (semconv v1.32.0 on). The
// package imports v1.26.0 in another file: this file's fix imports it too.
package metricsold

import "go.opentelemetry.io/otel/metric"

func hint(m metric.Meter) {
	m.Float64Histogram("http.server.request.duration", metric.WithUnit("s")) // want `hard-coded metric name "http.server.request.duration": use semconv.HTTPServerRequestDurationName$`
	m.Int64UpDownCounter("container.filesystem.usage", metric.WithUnit("By"))
}
