// Package aliases imports everything under other names.
package aliases

import (
	attr "go.opentelemetry.io/otel/attribute"
	oteltrace "go.opentelemetry.io/otel/trace"

	keys "example.com/app/internal/tracing"
)

func record(span oteltrace.Span, step int64) {
	span.SetAttributes(
		attr.Int64(keys.JourneySchedulerStep, step),
		attr.String("event.type", "QUEUED"), // want `use keys.JourneyEventType`
		attr.Float64("gen_ai.request.top_p", 0.9), // want `use keys.GenAIRequestTopPKey`
	)
	span.AddEvent("journey.QUEUED") // want `use keys.JourneyQueued$`
}
