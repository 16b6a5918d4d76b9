// Package unrelatedlocal: any local string constant with the same value is
// suggested, whatever it names (seen in openfga: pkg/server's allowedLabel,
// a Prometheus label name, for the span attribute "allowed"; internal/graph's
// weightTwoResolver, a planner strategy name, for the span name "weight2").
//
// Expected (proposal): a local constant that is neither an attribute.Key
// nor used anywhere in the package as a key, event or span name is not
// offered, or is offered without a fix ("no constant defines it; allowedLabel
// has the same value"). Actual: attribute.Bool(allowedLabel, allowed) and
// tracer.Start(ctx, weightTwoResolver): renaming the metrics label or the
// strategy now silently renames the telemetry.
package unrelatedlocal

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// Strategy names, chosen by the planner; not telemetry.
const weightTwoResolver = "weight2"

// A metrics label name.
const allowedLabel = "allowed"

var Strategies = map[string]int{weightTwoResolver: 2}
var Labels = []string{allowedLabel}

func Check(ctx context.Context, tracer trace.Tracer, allowed bool) {
	ctx, span := tracer.Start(ctx, "weight2") // with -span-names
	defer span.End()
	span.SetAttributes(attribute.Bool("allowed", allowed))
	_ = ctx
}
