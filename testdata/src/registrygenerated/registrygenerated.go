// Package registrygenerated imports the constants that `weaver registry
// generate` wrote for the registry of ../telemetry (./shopconv) and
// writes some of the keys and event names it declares literally: the
// message names the generated constant, and the fix uses it.
package registrygenerated

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"example.com/app/registrygenerated/shopconv"
)

func placed(span trace.Span, id string, total float64) {
	span.AddEvent("shop.order.placed", trace.WithAttributes( // want `^hard-coded event name "shop.order.placed": use shopconv.ShopOrderPlacedEventName$`
		attribute.String("shop.order.id", id), // want `^hard-coded attribute key "shop.order.id": use shopconv.ShopOrderIDKey$`
		shopconv.ShopOrderTotal(total),
		shopconv.ShopOrderStatusPaid,
	))
}

// A value set to a member of the registry's enum that the generated
// package names is that member's variable; a member it does not name
// ("pending" is there, "cancelled" is not) and a value that is no member
// are left to the other checks.
func status(span trace.Span, s string) {
	span.SetAttributes(attribute.String("shop.order.status", "paid")) // want `^attribute key "shop.order.status" set to its enum member "paid": use shopconv.ShopOrderStatusPaid$`
	span.SetAttributes(shopconv.ShopOrderStatusKey.String("pending")) // want `^attribute key "shop.order.status" set to its enum member "pending": use shopconv.ShopOrderStatusPending$`
	span.SetAttributes(shopconv.ShopOrderStatusKey.String("cancelled"))
	span.SetAttributes(shopconv.ShopOrderStatusKey.String(s))
}
