// Package tracing is the one place that names the OpenTelemetry attribute
// keys and span event names this inference server emits. Dashboards and
// alerts query these exact strings, so code elsewhere refers to the
// constants here instead of writing the strings again: a typo then fails to
// compile instead of silently starting a new time series.
package tracing

import "go.opentelemetry.io/otel/attribute"

// Request and response metadata, on the API span and the core span. They are
// attribute.Key values, so call sites read GenAIRequestNKey.Int(n).
const (
	GenAIUsageCompletionTokensKey = attribute.Key("gen_ai.usage.completion_tokens")
	GenAIUsagePromptTokensKey     = attribute.Key("gen_ai.usage.prompt_tokens")
	GenAIRequestMaxTokensKey      = attribute.Key("gen_ai.request.max_tokens")
	GenAIRequestTopPKey           = attribute.Key("gen_ai.request.top_p")
	GenAIRequestTemperatureKey    = attribute.Key("gen_ai.request.temperature")
	GenAIRequestNKey              = attribute.Key("gen_ai.request.n")
	GenAIRequestIDKey             = attribute.Key("gen_ai.request.id")
	GenAIResponseModelKey         = attribute.Key("gen_ai.response.model")

	GenAILatencyE2EKey                  = attribute.Key("gen_ai.latency.e2e")
	GenAILatencyTimeToFirstTokenKey     = attribute.Key("gen_ai.latency.time_to_first_token")
	GenAILatencyTimeInQueueKey          = attribute.Key("gen_ai.latency.time_in_queue")
	GenAILatencyTimeInModelPrefillKey   = attribute.Key("gen_ai.latency.time_in_model_prefill")
	GenAILatencyTimeInModelDecodeKey    = attribute.Key("gen_ai.latency.time_in_model_decode")
	GenAILatencyTimeInModelInferenceKey = attribute.Key("gen_ai.latency.time_in_model_inference")
)

// Keys of the progress snapshot that every journey event carries. They are
// untyped strings, the form a reviewer asked for when the engine still wrote
// them as literals, so they fit attribute.String(JourneyPhase, p) directly.
const (
	JourneyEventType          = "event.type"
	JourneyTsMonotonic        = "ts.monotonic" // seconds on the server's monotonic clock
	JourneySchedulerStep      = "scheduler.step"
	JourneyPhase              = "phase" // WAITING, PREFILL or DECODE
	JourneyPrefillDoneTokens  = "prefill.done_tokens"
	JourneyPrefillTotalTokens = "prefill.total_tokens"
	JourneyDecodeDoneTokens   = "decode.done_tokens"
	JourneyDecodeMaxTokens    = "decode.max_tokens"
	JourneyNumPreemptions     = "num_preemptions"
	JourneyFinishStatus       = "finish.status"
	JourneyScheduleKind       = "schedule.kind" // FIRST, or RESUME after a preemption
)

// Journey event names: ARRIVED and DEPARTED on the API span, the others on
// the core (scheduler) span.
const (
	JourneyEventArrived    = "journey.ARRIVED"
	JourneyEventQueued     = "journey.QUEUED"
	JourneyEventScheduled  = "journey.SCHEDULED"
	JourneyEventPreempted  = "journey.PREEMPTED"
	JourneyEventFirstToken = "journey.FIRST_TOKEN"
	JourneyEventFinished   = "journey.FINISHED"
	JourneyEventDeparted   = "journey.DEPARTED"
)

// Sampled per-step events and their KV-cache figures.
const (
	StepEventBatchSummary    = "step.BATCH_SUMMARY"
	StepEventRequestSnapshot = "step.REQUEST_SNAPSHOT"

	KVBlocksUsed  = "kv.blocks_used"
	KVBlocksTotal = "kv.blocks_total"
	KVUsageRatio  = "kv.usage_ratio" // blocks used / blocks total
)
