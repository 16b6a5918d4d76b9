package linedirectivebreakingfix

import (
	"context"

	//line remove.tmpl:1
	"go.opentelemetry.io/otel/attribute"
)

// The fix removes the attribute import, whose lines a //line directive
// renumbers, and adds its own.
var KT = attribute.Int("gen_ai.usage.input_tokens", 3) // want `use tracing.GenAIUsageInputTokensKey`

var _ = context.Background
