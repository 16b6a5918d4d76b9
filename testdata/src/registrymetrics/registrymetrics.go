// Package registrymetrics creates metric instruments that the registry of
// ../telemetry declares, with their instrument and unit and without, some
// that it declares deprecated or below -stability=stable, and some that
// neither it nor its upstream dependency declares (-registry).
package registrymetrics

import (
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
)

const (
	Orders   = "shop.orders"
	Checkout = "shop.checkout.duration"
	Failures = "shop.payment.failures"
)

func instruments(m metric.Meter) {
	m.Int64Counter(Orders, metric.WithUnit("{order}"))
	m.Float64Histogram(Checkout, metric.WithUnit("s"))                              // want `^metric "shop.checkout.duration" is development in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\), below -stability=stable$`
	m.Float64Histogram(semconv.HTTPServerRequestDurationName, metric.WithUnit("s")) // declared by the upstream dependency

	m.Float64Histogram(Orders, metric.WithUnit("{order}")) // want `^unexpected instrument: "shop.orders" is a counter in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\), created here with Float64Histogram$`
	m.Float64Histogram(Checkout, metric.WithUnit("ms"))    // want `is development in the registry` `^unit "ms" of "shop.checkout.duration" is "s" in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\)$`
	m.Int64Counter(Orders)                                 // want `^"shop.orders" is created without a unit: the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\) gives it "{order}" \(metric.WithUnit\("{order}"\)\)$`

	m.Int64Counter("shop.order", metric.WithUnit("{order}"))     // want `^metric name "shop.order" is not declared in the registry \(telemetry/v1/model/shop.yaml\); declare it or use a declared metric: did you mean "shop.orders"\?$`
	m.Int64UpDownCounter("cart.size", metric.WithUnit("{item}")) // want `^metric name "cart.size" is not declared in the registry \(telemetry/v1/manifest.yaml\); declare it or use a declared metric$`
	m.Int64Counter("shop.refunds")                               //nolint:spanattrlint

	m.Int64Counter("shop.order.count", metric.WithUnit("{order}")) // want `^metric "shop.order.count" is deprecated in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\): renamed to "shop.orders"$`
	m.Int64Counter(Failures, metric.WithUnit("{failure}"))         // want `^metric "shop.payment.failures" is deprecated in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\): obsoleted: Removed in 1.1.0.$`
	m.Int64Histogram("shop.cart.items", metric.WithUnit("{item}")) // want `^metric "shop.cart.items" is beta in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\), below -stability=stable$`
}
