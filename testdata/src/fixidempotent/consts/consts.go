// Package consts is the constants package of issue 19's reproduction
// fix-idempotent: a key and a plain event name.
package consts

import "go.opentelemetry.io/otel/attribute"

const (
	OrderIDKey = attribute.Key("order.id")
	EventPaid  = "order.paid"
)
