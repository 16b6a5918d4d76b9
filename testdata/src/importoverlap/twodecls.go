package importoverlap

import (
	"context"
)
import "go.opentelemetry.io/otel/attribute"

// The second declaration goes; the new import joins the first.
func twoDecls(ctx context.Context) error {
	_ = attribute.Int("gen_ai.usage.input_tokens", 5) // want `use tracing.GenAIUsageInputTokensKey`
	return ctx.Err()
}
