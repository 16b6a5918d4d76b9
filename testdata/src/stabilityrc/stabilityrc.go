// Package stabilityrc is checked with -stability=release_candidate.
package stabilityrc

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

var kvs = []attribute.KeyValue{
	semconv.ProcessPID(1),
	semconv.CPUModeUser,
	semconv.HTTPRequestMethodQuery,      // want `^enum member "QUERY" of attribute key "http.request.method" is development in the semantic conventions, below -stability=release_candidate$`
	semconv.AppJankPeriodKey.Float64(1), // want `^attribute key "app.jank.period" is development in the semantic conventions, below -stability=release_candidate$`
}
