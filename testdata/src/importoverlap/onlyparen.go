package importoverlap

import (
	"go.opentelemetry.io/otel/attribute"
)

// The only import, in parentheses, goes; so do the parentheses.
var onlyParen = attribute.Int("gen_ai.usage.input_tokens", 2) // want `use tracing.GenAIUsageInputTokensKey`
