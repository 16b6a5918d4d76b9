// Package typos writes keys one edit away from known ones.
package typos

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"example.com/app/internal/tracing"
)

// KeyN and KeyID are one and two edits apart, and both deliberate: a
// declared constant is only compared with the semantic conventions.
const (
	KeyN  = attribute.Key("journey.request.n")
	KeyID = attribute.Key("journey.request.id")
)

func record(span trace.Span, m string, step int64) {
	span.SetAttributes(
		attribute.Int64(tracing.JourneySchedulerStep, step),
		attribute.String("http.request.methd", m), // want `no constant defines it` `attribute key "http.request.methd" is not a known key: did you mean "http.request.method" \(semconv.HTTPRequestMethodKey\)\?`
		attribute.String("event_type", "QUEUED"),  // want `no constant defines it` `did you mean "event.type" \(tracing.JourneyEventType\)\?`
		attribute.Int64("scheduler.stpe", step),  // want `no constant defines it` `did you mean "scheduler.step" \(tracing.JourneySchedulerStep\)\?`
		attribute.String("phase2", "x"),           // want `no constant defines it$`
		attribute.Int("gpu.1.util", 3),            // want `no constant defines it$`
		attribute.String("journey.mode", m),       // want `no constant defines it$`
		attribute.Int("journey.request.x", 1),     // want `no constant defines it$`
		KeyN.Int(1),
		KeyID.String(m),
	)
}
