// Package semconvfix imports a semantic-conventions version, so its
// constants are offered with a fix.
package semconvfix

import (
	"errors"

	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
	"go.opentelemetry.io/otel/trace"
)

func serve(span trace.Span, port int) {
	span.SetAttributes(
		semconv.ServerAddress("localhost"),
		attribute.Int("server.port", port), // want `hard-coded attribute key "server.port": use semconv.ServerPortKey$`
	)
	span.AddEvent("exception") // want `hard-coded event name "exception": use semconv.ExceptionEventName`
	span.RecordError(errors.New("boom"))
}
