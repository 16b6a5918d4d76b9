// Package semconvupgrade is checked with -semconv-version=v1.26.0.
package semconvupgrade

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/semconv/v1.20.0" // want `semconv v1.20.0 is imported here, but this module uses v1.26.0 \(-semconv-version\)$`
	"go.opentelemetry.io/otel/trace"
)

// Every name means the same in v1.26.0: the import moves.
func plain(span trace.Span, name string) {
	span.SetAttributes(
		semconv.ServiceNameKey.String(name),
		semconv.ServiceName(name),
		semconv.DBSystemPostgreSQL,
		semconv.MessagingSystem("kafka"),     // no helper in v1.26.0: its key's method
		attribute.String("enduser.id", name), // want `hard-coded attribute key "enduser.id": use semconv.EnduserIDKey`
	)
	span.AddEvent(semconv.ExceptionEventName)
}
