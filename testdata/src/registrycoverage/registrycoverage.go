// Package registrycoverage emits keys and event names that the registry
// of ../telemetry/coverage declares, one that its platform dependency
// declares, and some that neither declares; package meters, metric names
// (-registry-coverage, cmd/spanattrlint's coverage tests).
package registrycoverage

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

const (
	CartID = "checkout.cart.id"
	Tenant = attribute.Key("platform.tenant.id")
)

func checkout(span trace.Span, id string, size int) {
	span.SetAttributes(
		attribute.String(CartID, id),
		attribute.Int("checkout.cart.size", size),
		attribute.String("checkout.header.x_request_id", "r-1"),
		Tenant.String("t-1"),
		attribute.String("checkout.promo", "spring"),
	)
	span.AddEvent("checkout.completed", trace.WithAttributes(attribute.String(CartID, id)))
	span.AddEvent("checkout.cancelled")
}
