// Code generated from semantic convention specification. DO NOT EDIT.

// Package shopconv is the shop's registry (../../telemetry/v1) as Go
// constants, in the form of the Go templates that `weaver registry
// generate` runs (those of go.opentelemetry.io/otel/semconv): a Key
// constant and a helper per attribute, a value per enum member.
package shopconv

import "go.opentelemetry.io/otel/attribute"

// An order of the shop.
const (
	// ShopOrderIDKey is the attribute Key conforming to the "shop.order.id"
	// semantic conventions. It represents the order's identifier.
	//
	// Type: string
	// RequirementLevel: Optional
	// Stability: stable
	ShopOrderIDKey = attribute.Key("shop.order.id")

	// ShopOrderTotalKey is the attribute Key conforming to the
	// "shop.order.total" semantic conventions. It represents the order's
	// total.
	//
	// Type: double
	// RequirementLevel: Optional
	// Stability: development
	ShopOrderTotalKey = attribute.Key("shop.order.total")

	// ShopOrderStatusKey is the attribute Key conforming to the
	// "shop.order.status" semantic conventions. It represents where the
	// order is.
	//
	// Type: Enum
	// RequirementLevel: Optional
	// Stability: stable
	ShopOrderStatusKey = attribute.Key("shop.order.status")
)

// ShopOrderID returns an attribute KeyValue conforming to the
// "shop.order.id" semantic conventions. It represents the order's
// identifier.
func ShopOrderID(val string) attribute.KeyValue {
	return ShopOrderIDKey.String(val)
}

// ShopOrderTotal returns an attribute KeyValue conforming to the
// "shop.order.total" semantic conventions. It represents the order's total.
func ShopOrderTotal(val float64) attribute.KeyValue {
	return ShopOrderTotalKey.Float64(val)
}

// Enum values for shop.order.status
var (
	// pending
	// Stability: stable
	ShopOrderStatusPending = ShopOrderStatusKey.String("pending")
	// paid
	// Stability: stable
	ShopOrderStatusPaid = ShopOrderStatusKey.String("paid")
)
