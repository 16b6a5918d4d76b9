package importoverlap

import ("fmt"; "go.opentelemetry.io/otel/attribute")

// Imports that share a line (gofmt would split them) lose only what goes.
func sameLine(n int) fmt.Stringer {
	return attribute.Int("gen_ai.usage.input_tokens", n).Value // want `use tracing.GenAIUsageInputTokensKey`
}
