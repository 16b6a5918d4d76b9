// Package registrycoverage emits keys, event names and metric names that
// the registry of ../telemetry/coverage declares, one that its platform
// dependency declares, and some that neither declares
// (-registry-coverage, cmd/spanattrlint's coverage tests).
package registrycoverage

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

const (
	CartID = "checkout.cart.id"
	Tenant = attribute.Key("platform.tenant.id")
)

func checkout(ctx context.Context, span trace.Span, m metric.Meter, id string, size int) {
	span.SetAttributes(
		attribute.String(CartID, id),
		attribute.Int("checkout.cart.size", size),
		attribute.String("checkout.header.x_request_id", "r-1"),
		Tenant.String("t-1"),
		attribute.String("checkout.promo", "spring"),
	)
	span.AddEvent("checkout.completed", trace.WithAttributes(attribute.String(CartID, id)))
	span.AddEvent("checkout.cancelled")
	d, _ := m.Float64Histogram("checkout.duration", metric.WithUnit("s"))
	d.Record(ctx, 1.5)
	c, _ := m.Int64Counter("checkout.items")
	c.Add(ctx, int64(size))
}
