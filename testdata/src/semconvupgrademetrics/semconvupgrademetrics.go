// Package semconvupgrademetrics: -semconv-version moves the file's import
// of an older semconv version, so a hard-coded metric name is named with
// the constant but not fixed to it in that file (the move and the fix
// would both rewrite what the import means); the move itself is the fix.
package semconvupgrademetrics

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.24.0" // want `semconv v1.24.0 is imported here, but this module uses v1.26.0 \(-semconv-version\)$`
)

var route = semconv.HTTPRouteKey.String("/")

func instruments(m metric.Meter) []attribute.KeyValue {
	m.Float64Histogram("http.server.request.duration", metric.WithUnit("s")) // want `^hard-coded metric name "http.server.request.duration": use semconv.HTTPServerRequestDurationName$`
	return []attribute.KeyValue{route}
}
