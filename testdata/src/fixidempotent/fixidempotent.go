// Package fixidempotent uses no constant of consts as a key until the fix
// of "order.id" writes consts.OrderIDKey: that makes consts a package
// whose constants the package uses, whose plain EventPaid then names
// "order.paid". One run offers both fixes, so that a second -fix finds
// nothing (before, the first run said "no constant defines it").
package fixidempotent

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"example.com/app/fixidempotent/consts"
)

var _ = consts.EventPaid

func Handle(span trace.Span, id string) {
	span.SetAttributes(attribute.String("order.id", id)) // want `hard-coded attribute key "order.id": use consts.OrderIDKey$`
	span.AddEvent("order.paid")                          // want `hard-coded event name "order.paid": use consts.EventPaid$`
}
