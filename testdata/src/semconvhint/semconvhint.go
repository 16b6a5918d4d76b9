// Package semconvhint imports no semantic-conventions version: the message
// names the constant, but no fix is offered, since the module may not have
// that version.
package semconvhint

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func serve(span trace.Span, port int) {
	span.SetAttributes(attribute.Int("server.port", port)) // want `hard-coded attribute key "server.port": use semconv.ServerPortKey \(import "go.opentelemetry.io/otel/semconv/v1.43.0"\)`
	span.AddEvent("exception")                             // want `hard-coded event name "exception": use semconv.ExceptionEventName \(import "go.opentelemetry.io/otel/semconv/v1.43.0"\)`
}
