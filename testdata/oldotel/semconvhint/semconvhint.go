// Package semconvhint is built against go.opentelemetry.io/otel v1.28.0 (as
// ory/kratos v1.3.1 is), whose newest semconv package is v1.26.0: the hint
// names that one, never a version this module cannot import, and says which
// otel version a key needs where v1.28.0 has none. The fix imports the
// version the module's packages import most (v1.20.0), where it has the
// constant ("exception"); where it has none ("session.id"), the newest is
// named and nothing is fixed.
package semconvhint

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func serve(span trace.Span, id string) {
	span.SetAttributes(attribute.String("session.id", id))    // want `hard-coded attribute key "session.id": use semconv.SessionIDKey \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)$`
	span.AddEvent("exception")                                // want `hard-coded event name "exception": use semconv.ExceptionEventName \(import "go.opentelemetry.io/otel/semconv/v1.20.0"\)$`
	span.SetAttributes(attribute.String("artifact.hash", id)) // want `hard-coded attribute key "artifact.hash": go.opentelemetry.io/otel v1.28.0, which the module requires, has no semconv constant for it: semconv.ArtifactHashKey needs otel v1.32.0 or newer \(import "go.opentelemetry.io/otel/semconv/v1.27.0"\)$`
}
