package semconvupgrademetrics

import "go.opentelemetry.io/otel/metric"

// A file without a semconv import: the fix imports the target version.
func more(m metric.Meter) {
	m.Int64UpDownCounter("http.server.active_requests", metric.WithUnit("{request}")) // want `^hard-coded metric name "http.server.active_requests": use semconv.HTTPServerActiveRequestsName \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)$`
}
