package semconvupgrademigrate

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.20.0" // want `no fix: HTTPMethod has no counterpart in v1.26.0$`
)

// A renamed key whose helper the new version lacks, even with
// -migrate-deprecated: no fix for the file.
var dropped = []attribute.KeyValue{
	semconv.HTTPMethod("GET"),
	semconv.HTTPMethodKey.String("GET"), // want `attribute key "http.method" is deprecated`
}
