// Package keyfuncs is checked with
// -key-funcs='(*example.com/app/internal/spanlog.SpanLogger).SetTag:0,example.com/app/internal/spanlog.Tag:0,
// example.com/app/internal/spanlog.Event:1:event': the keys (and event
// names) passed to those functions are positions, reported and fixed like
// attribute.String's (span.AddEvent's).
package keyfuncs

import (
	"example.com/app/internal/spanlog"
	"example.com/app/internal/tracing"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func tags(sl *spanlog.SpanLogger, v string) attribute.KeyValue {
	sl.SetTag("event.type", v)                        // want `hard-coded attribute key "event.type": use tracing.JourneyEventType`
	sl.SetTag("gen_ai.response.model", v)             // want `hard-coded attribute key "gen_ai.response.model": use tracing.GenAIResponseModelKey`
	sl.SetTag("server.port", 8080)                    // want `use semconv.ServerPortKey \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)`
	sl.SetTag("requestID", v)                         // want `no constant defines it` `breaks the OpenTelemetry naming rules`
	(*spanlog.SpanLogger).SetTag(sl, "event.type", v) // want `use tracing.JourneyEventType`
	sl.SetTag(tracing.JourneyPhase, v)
	sl.SetTag(v, v)
	sl.SetTag("event.type", v) //nolint:spanattrlint
	sl.Other("event.type")
	var t spanlog.Tagger = sl
	t.SetTag("event.type", v)               // an interface's method is another function
	note(sl, "scheduler.step")              // want `use tracing.JourneySchedulerStep`
	return spanlog.Tag("scheduler.step", 3) // want `hard-coded attribute key "scheduler.step": use tracing.JourneySchedulerStep`
}

// note passes its key on to a -key-funcs function: a wrapper in turn.
func note(sl *spanlog.SpanLogger, key string) { sl.SetTag(key, 1) }

func events(span trace.Span) {
	spanlog.Event(span, "journey.QUEUED") // want `hard-coded event name "journey.QUEUED": use tracing.JourneyQueued`
	spanlog.Event(span, "journey.lost")   // want `hard-coded event name "journey.lost": no constant defines it`
}
