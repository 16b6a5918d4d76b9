package metricsold

import (
	"go.opentelemetry.io/otel/metric"
	sc "go.opentelemetry.io/otel/semconv/v1.26.0"
)

func fix(m metric.Meter) {
	m.Int64UpDownCounter("http.server.active_requests", metric.WithUnit("{request}")) // want `hard-coded metric name "http.server.active_requests": use sc.HTTPServerActiveRequestsName`
	m.Int64Histogram(sc.HTTPServerRequestDurationName, metric.WithUnit("ms"))         // want `unit "ms" of "http.server.request.duration" is "s" in the semantic conventions`
}
