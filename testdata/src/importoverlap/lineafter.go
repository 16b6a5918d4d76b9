package importoverlap

import (
	"hash/crc32"; "go.opentelemetry.io/otel/attribute"
)

// An import that shares the line of one that stays loses its text and
// the separator before it.
func lineAfter() uint32 {
	_ = attribute.Int("gen_ai.usage.input_tokens", 7) // want `use tracing.GenAIUsageInputTokensKey`
	return crc32.ChecksumIEEE(nil)
}
