// Package methodvalue calls AddEvent, Start and the attribute constructors
// through method values, method expressions and function values: the key
// or name is the same argument as in a direct call, so it is reported and
// fixed the same way.
package methodvalue

import (
	"context"

	"example.com/app/internal/tracing"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

var _ = tracing.JourneyPhase

// recorder implements trace.Span.
type recorder struct{ trace.Span }

func methodValues(span trace.Span, r *recorder) {
	f := span.AddEvent
	f("journey.QUEUED") // want `hard-coded event name "journey.QUEUED": use tracing.JourneyQueued`
	g := trace.Span.AddEvent
	g(span, "journey.QUEUED")                   // want `hard-coded event name "journey.QUEUED": use tracing.JourneyQueued`
	trace.Span.AddEvent(span, "journey.QUEUED") // want `hard-coded event name "journey.QUEUED": use tracing.JourneyQueued`
	(*recorder).AddEvent(r, "journey.FINISHED") // want `hard-coded event name "journey.FINISHED": use tracing.JourneyFinished`
	h := (*recorder).AddEvent
	h(r, "journey.FINISHED")            // want `hard-coded event name "journey.FINISHED": use tracing.JourneyFinished`
	(span.AddEvent)("journey.FINISHED") // want `hard-coded event name "journey.FINISHED": use tracing.JourneyFinished`
}

func functionValues(span trace.Span) {
	str := attribute.String
	var integer = attribute.Int
	span.SetAttributes(str("event.type", "QUEUED"), integer("scheduler.step", 1)) // want `use tracing.JourneyEventType` `use tracing.JourneySchedulerStep`
	key := attribute.String
	span.SetAttributes(key("gen_ai.response.model", "m")) // want `use tracing.GenAIResponseModelKey`
}

// pkgString is unexported and never assigned again: it is attribute.String.
var pkgString = attribute.String

func packageLevel() attribute.KeyValue {
	return pkgString("event.type", "x") // want `use tracing.JourneyEventType`
}

func tracerValues(ctx context.Context, tr trace.Tracer) {
	start := tr.Start
	_, span := start(ctx, "journey.request") // no -span-names: not reported
	span.End()
}

// Variables that may hold something else are left alone.
func notSure(span trace.Span, other func(string, ...trace.EventOption)) {
	f := span.AddEvent
	f = other
	f("journey.QUEUED")
	g := span.AddEvent
	p := &g
	(*p)("journey.QUEUED")
	g("journey.QUEUED")
	for _, h := range []func(string, ...trace.EventOption){span.AddEvent} {
		h("journey.QUEUED")
	}
	other("journey.QUEUED")
	s := attribute.String
	s = func(k, v string) attribute.KeyValue { return attribute.KeyValue{} }
	_ = s("event.type", "x")
}

// Exported is exported: another package may assign it.
var Exported = attribute.String

func exported() attribute.KeyValue { return Exported("event.type", "x") }
