// Package tracing names every attribute key and event name the app emits.
package tracing

import "go.opentelemetry.io/otel/attribute"

// Journey event attributes, carried by every journey event.
const (
	JourneyEventType     = "event.type"
	JourneySchedulerStep = "scheduler.step"
	JourneyPhase         = "phase"
)

// FinishStatus is typed string, as some teams write their keys.
const FinishStatus string = "finish.status"

// Request metadata, as attribute.Key so that callers write
// GenAIUsageInputTokensKey.Int(n).
const (
	GenAIUsageInputTokensKey  = attribute.Key("gen_ai.usage.input_tokens")
	GenAIRequestTemperatureKey = attribute.Key("gen_ai.request.temperature")
	GenAIResponseModelKey      = attribute.Key("gen_ai.response.model")
	GenAIRequestTopPKey        = attribute.Key("gen_ai.request.top_p")
)

// EventName is the type of journey event names.
type EventName string

// Journey events on the core span.
const (
	JourneyQueued   EventName = "journey.QUEUED"
	JourneyFinished EventName = "journey.FINISHED"
)

// notExported is not offered to other packages.
const notExported = "journey.hidden"
