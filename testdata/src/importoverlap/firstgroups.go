package importoverlap

import (
	"example.com/app/importoverlap/keys"

	"go.opentelemetry.io/otel/attribute"

	"strings"
)

// The first two groups go, each with the blank line after it.
func firstGroups(n int) string {
	return strings.ToUpper(attribute.Int(keys.GenAIUsage+"input_tokens", n).Value.Emit()) // want `use tracing.GenAIUsageInputTokensKey`
}
