// Package metricfixalias: the file imports semconv v1.26.0, but a
// parameter hides the name where the metric is created: the fix imports
// the package again under a free name.
package metricfixalias

import (
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
	"go.opentelemetry.io/otel/trace"
)

func serve(span trace.Span, port int) {
	span.SetAttributes(semconv.ClientPortKey.Int(port))
}

func record(m metric.Meter, semconv string) {
	_ = semconv
	m.Float64Histogram("http.server.request.duration", metric.WithUnit("s")) // want `hard-coded metric name "http.server.request.duration": use semconv2.HTTPServerRequestDurationName$`
}
