package importoverlap

import "errors"
import "go.opentelemetry.io/otel/attribute"

// Declarations without parentheses: the new one follows the one that stays.
func singles() error {
	_ = attribute.Int("gen_ai.usage.input_tokens", 6) // want `use tracing.GenAIUsageInputTokensKey`
	return errors.ErrUnsupported
}
