package importoverlap

import "go.opentelemetry.io/otel/attribute"

// The only import of the file goes and the new one takes its place.
var only = attribute.Int("gen_ai.usage.input_tokens", 1) // want `use tracing.GenAIUsageInputTokensKey`
