// Package migrate is checked with -migrate-deprecated: renamed keys are
// rewritten to their new names.
package migrate

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.20.0"
	semconv26 "go.opentelemetry.io/otel/semconv/v1.26.0"
	"go.opentelemetry.io/otel/trace"
)

// AttrMethod's value is rewritten in its declaration.
const AttrMethod = "http.method" // want `renamed to "http.request.method" \(semconv.HTTPRequestMethodKey\)`

func handle(span trace.Span, m string) {
	span.SetAttributes(
		semconv26.ServerAddress("localhost"),
		attribute.String("http.method", m),          // want `hard-coded attribute key "http.method": use AttrMethod \(1 other constant has this value: semconv.HTTPMethodKey\)` `renamed to "http.request.method" \(semconv26.HTTPRequestMethodKey\)`
		semconv.HTTPMethodKey.String(m),             // want `renamed to "http.request.method" \(semconv26.HTTPRequestMethodKey\)`
		attribute.String("db.system", "postgresql"), // want `hard-coded attribute key "db.system": use semconv26.DBSystemKey \(1 other constant has this value: semconv.DBSystemKey\)` `renamed to "db.system.name" \(semconv.DBSystemNameKey\)$`
	)
}
