package importoverlap

import . "go.opentelemetry.io/otel/attribute"

// A dot import goes like any other.
var dot = Int("gen_ai.usage.input_tokens", 4) // want `use tracing.GenAIUsageInputTokensKey`
