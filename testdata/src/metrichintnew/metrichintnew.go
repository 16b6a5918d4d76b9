// Package metrichintnew imports semconv v1.37.0, whose metrics are
// instrument types: a conventions metric is named by its type there, not
// by an older version's ...Name constant.
package metrichintnew

import (
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.37.0"
)

var schema = semconv.SchemaURL

func hint(m metric.Meter) {
	m.Float64Histogram("http.server.request.duration", metric.WithUnit("s")) // want `hard-coded metric name "http.server.request.duration": the semantic conventions' instrument httpconv.ServerRequestDuration \(httpconv.NewServerRequestDuration, import "go.opentelemetry.io/otel/semconv/v1.37.0/httpconv"\) creates it`
}
