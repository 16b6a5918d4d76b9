// Package metricfixshared: one file whose key fix and metric-name fix
// both need semconv v1.26.0 (the module's version), which the package
// does not import: the two fixes add one import between them.
package metricfixshared

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

func serve(span trace.Span, m metric.Meter, port int) {
	span.SetAttributes(attribute.Int("client.port", port))                  // want `hard-coded attribute key "client.port": use semconv.ClientPortKey \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)`
	m.Float64Histogram("http.server.request.duration", metric.WithUnit("s")) // want `hard-coded metric name "http.server.request.duration": use semconv.HTTPServerRequestDurationName \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)$`
}
