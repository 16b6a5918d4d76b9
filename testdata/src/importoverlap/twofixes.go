package importoverlap

import (
	"fmt"

	"go.opentelemetry.io/otel/attribute"
)

// Two fixes remove the same import and add the same one: applied together,
// their import edits count once.
func twoFixes(n int) (fmt.Stringer, fmt.Stringer) {
	a := attribute.Int("gen_ai.usage.input_tokens", n) // want `use tracing.GenAIUsageInputTokensKey`

	b := attribute.Float64("gen_ai.request.temperature", float64(n)) // want `use tracing.GenAIRequestTemperatureKey`
	return a.Value, b.Value
}
