// Package registrymigrate emits a key that ../telemetry renamed: with
// -migrate-deprecated a literal is fixed to its successor, a constant is
// left to its declaration.
package registrymigrate

import "go.opentelemetry.io/otel/attribute"

const Tier = "shop.customer.tier"

func emit(s string) []attribute.KeyValue {
	return []attribute.KeyValue{
		attribute.String("shop.customer.tier", s), // want `hard-coded attribute key` `^attribute key "shop.customer.tier" is deprecated in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\): renamed to "shop.customer.level"$`
		attribute.String(Tier, s),                 // want `^attribute key "shop.customer.tier" is deprecated in the registry .*: renamed to "shop.customer.level"$`
	}
}
