// Package spannames is checked with -span-names.
package spannames

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

const spanSchedule = "journey.schedule"

func schedule(ctx context.Context, tracer trace.Tracer) {
	ctx, span := tracer.Start(ctx, "journey.schedule") // want `hard-coded span name "journey.schedule": use spanSchedule`
	defer span.End()
	_, child := tracer.Start(ctx, "journey.prefill") // want `hard-coded span name "journey.prefill": no constant defines it`
	child.End()
	_, named := tracer.Start(ctx, spanSchedule)
	named.End()
}
