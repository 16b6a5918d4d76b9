// Package registrycheck emits keys and event names that the registry of
// ../telemetry declares, and some that it does not (-registry).
package registrycheck

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/log"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

const (
	OrderID    = "shop.order.id"
	OrderTotal = attribute.Key("shop.order.total")
	OrderTotl  = "shop.order.totl"
	Header     = "shop.request.header"
	HeaderXID  = Header + ".x_id"
	CartSize   = "shop.cart.size"
	Placed     = "shop.order.placed"
	Shipped    = "shop.order.shipped"
)

func emit(span trace.Span, rec *log.Record, total float64, method string) []attribute.KeyValue {
	span.AddEvent(Placed)
	span.AddEvent(Shipped)          // want `^event name "shop.order.shipped" is not declared in the registry \(telemetry/v1/model/shop.yaml\); declare it or use a declared event$`
	rec.SetEventName(Shipped)       // want `^event name "shop.order.shipped" is not declared in the registry`
	span.AddEvent("cart.abandoned") // want `hard-coded event name` `^event name "cart.abandoned" is not declared in the registry \(telemetry/v1/manifest.yaml\); declare it or use a declared event$`
	tag(span, CartSize)             // want `^attribute key "shop.cart.size" is not declared in the registry \(telemetry/v1/model/shop.yaml\); declare it or use a declared key$`
	return []attribute.KeyValue{
		attribute.String(OrderID, "o-1"),
		OrderTotal.Float64(total),
		attribute.Float64(OrderTotl, total), // want `^attribute key "shop.order.totl" is not declared in the registry \(telemetry/v1/model/shop.yaml\); declare it or use a declared key: did you mean "shop.order.total"\?$`
		attribute.String(HeaderXID, "x"),
		attribute.String(Header, "x"),                                // want `^attribute key "shop.request.header" is a template in the registry \(telemetry/v1/model/shop.yaml\): the keys it declares are shop.request.header.<name>$`
		{Key: attribute.Key(CartSize), Value: attribute.IntValue(2)}, // want `^attribute key "shop.cart.size" is not declared`
		attribute.KeyValue{Key: "payment.method"},                    // want `hard-coded attribute key` `^attribute key "payment.method" is not declared in the registry \(telemetry/v1/manifest.yaml\); declare it or use a declared key$`
		semconv.HTTPRequestMethodKey.String(method),                  // declared by the upstream dependency
		attribute.String(string(semconv.ServerAddressKey), "shop"),
		attribute.Int("payment.amount", 3), //nolint:spanattrlint
	}
}

// tag is a wrapper: its argument is a key.
func tag(span trace.Span, key string) {
	span.SetAttributes(attribute.Bool(key, true))
}
