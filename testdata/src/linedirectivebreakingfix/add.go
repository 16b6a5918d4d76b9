package linedirectivebreakingfix

//line b.go:1
import (
	"context"

	"go.opentelemetry.io/otel/attribute"
)

// The //line directive maps the import block to smaller line numbers: the
// new import still goes into the block.
var KV = attribute.String("scheduler.step", "v") // want `use tracing.JourneySchedulerStep`

var _ = context.Background
