package importoverlap

import (
	"fmt"

	lookalike "example.com/app/lookalike/attribute"
	// OpenTelemetry's.
	"go.opentelemetry.io/otel/attribute"
)

// The attribute import and its comment go; the new import joins the group
// that stays.
func sameGroup() (fmt.Stringer, lookalike.KV) {
	return attribute.Int("gen_ai.usage.input_tokens", 3).Value, lookalike.String("k", "v") // want `use tracing.GenAIUsageInputTokensKey`
}
