// Package importoverlap: each file's fix removes imports and adds one; the
// edits must not overlap, whatever the layout of the imports.
package importoverlap

import (
	"fmt"

	"go.opentelemetry.io/otel/attribute"
)

// The attribute import, alone in the last group, goes; the new import,
// which sorts before it, gets a group of its own after the standard
// library's.
func Attr(n int) fmt.Stringer {
	kv := attribute.Int("gen_ai.usage.input_tokens", n) // want `use tracing.GenAIUsageInputTokensKey`
	return kv.Value
}
