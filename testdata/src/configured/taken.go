package configured

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	tracing "go.opentelemetry.io/otel/trace"
)

// This file calls the otel trace package "tracing", so the constants
// package needs another name here.
func step(ctx context.Context, n int64) {
	tracing.SpanFromContext(ctx).SetAttributes(attribute.Int64("scheduler.step", n)) // want `use tracing2.JourneySchedulerStep`
}
