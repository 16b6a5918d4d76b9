// Package registryvalues sets the keys that ../telemetry declares with
// values of the wrong type, enum values that are no member, deprecated
// keys and members, and keys, members and events below -stability=stable.
package registryvalues

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

const (
	OrderItems  = attribute.Key("shop.order.items")
	OrderStatus = attribute.Key("shop.order.status")
	OrderTotal  = "shop.order.total"
	Tier        = "shop.customer.tier"
	LegacyFlag  = "shop.customer.legacy_flag"
	Level       = "shop.customer.level"
	Refunded    = "shop.order.refunded"
	Priority    = "shop.order.priority"
)

func emit(span trace.Span, items int, total float64, s string) []attribute.KeyValue {
	span.AddEvent(Refunded) // want `^event name "shop.order.refunded" is development in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\), below -stability=stable$`
	return []attribute.KeyValue{
		OrderItems.Int(items),
		OrderItems.String(s), // want `^attribute key "shop.order.items" is an int in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\), set here with OrderItems.String: use OrderItems.Int$`
		attribute.Int(string(OrderItems), items),
		attribute.Bool(string(OrderItems), true),                // want `^attribute key "shop.order.items" is an int in the registry .*, set here with attribute.Bool: use attribute.Int$`
		{Key: OrderItems, Value: attribute.Float64Value(total)}, // want `set here with attribute.Float64Value: use attribute.IntValue$`
		OrderStatus.String("paid"),
		OrderStatus.String("Paid"),           // want `^attribute key "shop.order.status" set to "Paid", which is no member of its enum in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\): did you mean "paid"\?$`
		OrderStatus.String("shipped"),        // want `^attribute key "shop.order.status" set to "shipped", which is no member of its enum in the registry .*: one of "pending", "paid", "cancelled"$`
		OrderStatus.String(s),                // not a constant: not checked
		OrderStatus.String("canceled"),       // want `^attribute key "shop.order.status" set to "canceled", an enum member deprecated in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\): Use cancelled.$`
		OrderStatus.String("cancelled"),      // want `^enum member "cancelled" of attribute key "shop.order.status" is development in the registry .*, below -stability=stable$`
		attribute.Float64(OrderTotal, total), // want `^attribute key "shop.order.total" is development in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\), below -stability=stable$`
		attribute.String(Tier, s),            // want `^attribute key "shop.customer.tier" is deprecated in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\): renamed to "shop.customer.level"$`
		attribute.Bool(LegacyFlag, true),     // want `^attribute key "shop.customer.legacy_flag" is deprecated in the registry .*: obsoleted: Removed in 1.1.0.$`
		attribute.String(Level, s),
		attribute.Int(Priority, 2),
		attribute.Int(Priority, items),
		attribute.Int(Priority, 3),                          // want `^attribute key "shop.order.priority" set to 3, which is no member of its enum in the registry .*: one of 1, 2$`
		attribute.String("shop.request.header.x_id", s),     // want `hard-coded attribute key`
		attribute.Int("shop.request.header.x_count", items), // want `hard-coded attribute key` `^attribute key "shop.request.header.x_count" is a string in the registry .*, set here with attribute.Int: use attribute.String$`
		attribute.Int(string(OrderItems), items),            //nolint:spanattrlint
		attribute.String(string(OrderItems), s),             //nolint:spanattrlint
	}
}
