// Package registrygeneratedconfigured writes keys and an event name that
// the registry of ../telemetry declares literally without importing the
// package that `weaver registry generate` wrote for it
// (../registrygenerated/shopconv); -constants names that package, so the
// message names its constants and the fix adds the import.
package registrygeneratedconfigured

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func placed(span trace.Span, id string, total float64) {
	span.AddEvent("shop.order.placed") // want `^hard-coded event name "shop.order.placed": use shopconv.ShopOrderPlacedEventName$`
	span.SetAttributes(
		attribute.String("shop.order.id", id),        // want `^hard-coded attribute key "shop.order.id": use shopconv.ShopOrderIDKey$`
		attribute.Float64("shop.order.total", total), // want `^hard-coded attribute key "shop.order.total": use shopconv.ShopOrderTotalKey$`
	)
}

// The member's variable is in the -constants package: the fix imports it.
func status(span trace.Span) {
	span.SetAttributes(attribute.String("shop.order.status", "paid")) // want `^attribute key "shop.order.status" set to its enum member "paid": use shopconv.ShopOrderStatusPaid$`
}
