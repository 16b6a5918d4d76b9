// Package several has more than one constant for a value: its own wins,
// the others are counted.
package several

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
	"go.opentelemetry.io/otel/trace"

	"example.com/app/internal/tracing"
)

const (
	eventType = "event.type"
	kind      = "event.type"
	port      = "server.port"
)

func record(span trace.Span, n int64) {
	span.SetAttributes(
		attribute.Int64(tracing.JourneySchedulerStep, n),
		semconv.ServerAddress("localhost"),
		attribute.String("event.type", "QUEUED"), // want `use eventType \(2 other constants have this value: kind, tracing.JourneyEventType\)`
		attribute.Int("server.port", 8080),       // want `use port \(1 other constant has this value: semconv.ServerPortKey\)`
	)
}
