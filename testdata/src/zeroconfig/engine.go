// Package zeroconfig already uses tracing's constants as keys, so tracing
// is its constants package with no configuration.
package zeroconfig

import (
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"example.com/app/internal/tracing"
)

func queued(span trace.Span, step int64, prompt int, temp float64, model fmt.Stringer) {
	span.AddEvent("journey.QUEUED", trace.WithAttributes( // want `hard-coded event name "journey.QUEUED": use tracing.JourneyQueued$`
		attribute.Int64(tracing.JourneySchedulerStep, step),
		attribute.String("event.type", "QUEUED"),               // want `hard-coded attribute key "event.type": use tracing.JourneyEventType$`
		attribute.Int("gen_ai.usage.input_tokens", prompt),    // want `use tracing.GenAIUsageInputTokensKey`
		attribute.Float64("gen_ai.request.temperature", temp),  // want `use tracing.GenAIRequestTemperatureKey$`
		attribute.Stringer("gen_ai.response.model", model),     // want `use tracing.GenAIResponseModelKey`
		attribute.Key("phase").String("DECODE"),                 // want `use tracing.JourneyPhase`
		attribute.Key("gen_ai.usage.input_tokens").Int(prompt), // want `use tracing.GenAIUsageInputTokensKey`
		attribute.KeyValue{Key: "finish.status", Value: attribute.StringValue("stop")}, // want `use tracing.FinishStatus`
		attribute.KeyValue{Key: "event.type", Value: attribute.StringValue("QUEUED")},  // want `use tracing.JourneyEventType`
		attribute.Int("journey.hidden", 1),                                             // want `no constant defines it`
	))
}
