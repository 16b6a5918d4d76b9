package aliases

import (
	. "go.opentelemetry.io/otel/attribute"
)

// promptTokens reaches attribute through a dot import, which the fix keeps:
// KeyValue still needs it.
func promptTokens(n int) KeyValue {
	return Int("gen_ai.usage.input_tokens", n) // want `use tracing.GenAIUsageInputTokensKey`
}
