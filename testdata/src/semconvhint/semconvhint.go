// Package semconvhint imports no semantic-conventions version: the fix
// imports the version that most packages of the module import (v1.26.0,
// ten directories, against v1.43.0's seven), not the newest, and the
// message says which.
package semconvhint

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func serve(span trace.Span, port int) {
	span.SetAttributes(attribute.Int("server.port", port)) // want `hard-coded attribute key "server.port": use semconv.ServerPortKey \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)`
	span.AddEvent("exception")                             // want `hard-coded event name "exception": use semconv.ExceptionEventName \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)`
}
