package importoverlap

import (
	"fmt"

	"example.com/app/importoverlap/keys"

	"go.opentelemetry.io/otel/attribute"
)

// Two groups go, each with the blank line before it.
func twoGroups(n int) fmt.Stringer {
	return attribute.Int(keys.GenAIUsage+"input_tokens", n).Value // want `use tracing.GenAIUsageInputTokensKey`
}
