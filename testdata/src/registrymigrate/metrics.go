package registrymigrate

import "go.opentelemetry.io/otel/metric"

// OrderCount is the metric's old name, which ../telemetry renamed.
const OrderCount = "shop.order.count"

// With -migrate-deprecated a literal name of a renamed metric is fixed to
// its successor, in place of the fix to the old name's constant; the
// constant itself is left to its declaration.
func instruments(m metric.Meter) {
	m.Int64Counter("shop.order.count", metric.WithUnit("{order}"))        // want `^hard-coded metric name "shop.order.count": use OrderCount$` `^metric "shop.order.count" is deprecated in the registry \(telemetry/v1/model/shop.yaml:\d+:\d+\): renamed to "shop.orders"$`
	m.Int64Counter(OrderCount, metric.WithUnit("{order}"))                // want `^metric "shop.order.count" is deprecated in the registry .*: renamed to "shop.orders"$`
	m.Int64Counter("shop.payment.failures", metric.WithUnit("{failure}")) // want `is deprecated in the registry .*: obsoleted: Removed in 1.1.0.$`
}
