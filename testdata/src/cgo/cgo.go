// Package cgo imports "C": it is linted in the user's files, not in the
// copies cmd/cgo writes, and its fixes edit this file.
package cgo

// static int one(void) { return 1; }
import "C"

import (
	"example.com/app/internal/tracing"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

const orderID = "app.order_id"

var _ = tracing.JourneyPhase

func record(span trace.Span) {
	span.SetAttributes(attribute.Int("app.order_id", int(C.one()))) // want `hard-coded attribute key "app.order_id": use orderID$` `"app.order_id" is set with attribute.Int \(an int\) here and with attribute.String \(a string\) at plain.go:6: one key, one type$`
	// After a C reference on the same line, cgo's /*line*/ comments put
	// the key back in its column.
	span.SetAttributes(attribute.Int("event.type", int(C.one())), attribute.String("scheduler.step", "x")) // want `use tracing.JourneyEventType$` `use tracing.JourneySchedulerStep$`
	span.AddEvent("journey.QUEUED")                                                                        // want `hard-coded event name "journey.QUEUED": use tracing.JourneyQueued$`
	span.AddEvent("journey.FINISHED")                                                                      //nolint:spanattrlint
}
