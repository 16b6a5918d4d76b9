package configured

import (
	"context"
	"strings"
)

func queuedUpper(ctx context.Context, r recorder) string {
	r.AddEvent("journey.QUEUED") // want `use tracing.JourneyQueued$`
	return strings.ToUpper(ctx.Err().Error())
}
