// Package wrappers has functions whose string parameter reaches a key,
// event-name or span-name position unchanged: with no configuration, the
// constant arguments of their calls are positions, reported and fixed
// like span.AddEvent's.
package wrappers

import (
	"context"

	"example.com/app/internal/tracing"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/trace"
)

func event(span trace.Span, name string) { span.AddEvent(name) }

func tag(span trace.Span, key, value string) { span.SetAttributes(attribute.String(key, value)) }

func kv(key string, n int) attribute.KeyValue {
	return attribute.KeyValue{Key: attribute.Key(key), Value: attribute.IntValue(n)}
}

// outer passes name on to event: a wrapper through a wrapper.
func outer(span trace.Span, name string) {
	if span.IsRecording() {
		event(span, (name))
	}
}

type rec struct{ span trace.Span }

func (r *rec) note(name string) { r.span.AddEvent(name) }

func logEvent(r *log.Record, name string) { r.SetEventName(name) }

func generic[T any](span trace.Span, name string, _ T) { span.AddEvent(name) }

func start(ctx context.Context, tr trace.Tracer, name string) trace.Span {
	_, span := tr.Start(ctx, name) // a span name: a position only with -span-names
	return span
}

// Not wrappers: the parameter changes before it is used, or is not
// passed on as it is.
func changed(span trace.Span, name string) {
	name = "journey." + name
	span.AddEvent(name)
}

func prefixed(span trace.Span, name string) { span.AddEvent("journey." + name) }

func addressed(span trace.Span, name string) {
	p := &name
	*p = "x"
	span.AddEvent(name)
}

func redeclared(span trace.Span, name string) {
	name, n := name+".x", 1
	_ = n
	span.AddEvent(name)
}

func uses(ctx context.Context, span trace.Span, tr trace.Tracer) attribute.KeyValue {
	span.AddEvent(string(tracing.JourneyFinished)) // the package uses tracing's constants
	event(span, "journey.QUEUED")                  // want `hard-coded event name "journey.QUEUED": use tracing.JourneyQueued`
	event(span, "journey.unknown")                 // want `hard-coded event name "journey.unknown": no constant defines it`
	tag(span, "event.type", "QUEUED")              // want `hard-coded attribute key "event.type": use tracing.JourneyEventType`
	outer(span, "journey.FINISHED")                // want `use tracing.JourneyFinished`
	r := &rec{span}
	r.note("journey.QUEUED")           // want `use tracing.JourneyQueued`
	(*rec).note(r, "journey.FINISHED") // want `use tracing.JourneyFinished`
	var lr log.Record
	logEvent(&lr, "exception")         // want `hard-coded event name "exception": use semconv.ExceptionEventName`
	generic(span, "journey.QUEUED", 1) // want `use tracing.JourneyQueued`
	event(span, "journey.QUEUED")      //nolint:spanattrlint
	event(span, string(tracing.JourneyQueued))
	start(ctx, tr, "journey.request")
	changed(span, "QUEUED")
	prefixed(span, "QUEUED")
	addressed(span, "journey.QUEUED")
	redeclared(span, "journey.QUEUED")
	f := event
	f(span, "journey.QUEUED")      // a function value: not followed
	return kv("scheduler.step", 1) // want `hard-coded attribute key "scheduler.step": use tracing.JourneySchedulerStep`
}
