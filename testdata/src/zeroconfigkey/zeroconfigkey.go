// Package zeroconfigkey uses tracing only through an attribute.Key
// constant's method, which is using it as a key too: tracing is its
// constants package with no configuration.
package zeroconfigkey

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"example.com/app/internal/tracing"
)

func sample(span trace.Span, topP float64) {
	span.SetAttributes(
		tracing.GenAIRequestTopPKey.Float64(topP),
		attribute.String("event.type", "SAMPLED"), // want `hard-coded attribute key "event.type": use tracing.JourneyEventType$`
	)
}
