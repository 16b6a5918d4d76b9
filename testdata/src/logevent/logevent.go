// Package logevent names log-record events: (*log.Record).SetEventName and
// log.EnabledParameters.EventName are event-name positions, checked and
// fixed as span.AddEvent's argument is.
package logevent

import (
	"context"

	"example.com/app/internal/tracing"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/trace"
)

// The package already uses tracing's constants as event names.
func span(s trace.Span) { s.AddEvent(string(tracing.JourneyFinished)) }

func emit(ctx context.Context, l log.Logger, name string) {
	var rec log.Record
	rec.SetEventName("journey.QUEUED")        // want `hard-coded event name "journey.QUEUED": use tracing.JourneyQueued`
	rec.SetEventName("exception")             // want `hard-coded event name "exception": use semconv.ExceptionEventName`
	rec.SetEventName("journey." + "FINISHED") // want `hard-coded event name "journey.FINISHED": use tracing.JourneyFinished`
	rec.SetEventName(string(tracing.JourneyQueued))
	rec.SetEventName(name)
	p := &rec
	p.SetEventName("journey.QUEUED") // want `use tracing.JourneyQueued`
	set := rec.SetEventName
	set("journey.QUEUED")                                       // want `use tracing.JourneyQueued`
	(*log.Record).SetEventName(&rec, "journey.FINISHED")        // want `use tracing.JourneyFinished`
	rec.SetEventName("journey.unknown")                         // want `hard-coded event name "journey.unknown": no constant defines it`
	rec.AddAttributes(attribute.String("event.type", "QUEUED")) // want `use tracing.JourneyEventType`
	l.Emit(ctx, rec)

	_ = l.Enabled(ctx, log.EnabledParameters{EventName: "journey.QUEUED"})                        // want `hard-coded event name "journey.QUEUED": use tracing.JourneyQueued`
	_ = l.Enabled(ctx, log.EnabledParameters{Severity: log.SeverityInfo, EventName: "exception"}) // want `use semconv.ExceptionEventName`
	_ = l.Enabled(ctx, log.EnabledParameters{log.SeverityWarn, "journey.FINISHED"})               // want `use tracing.JourneyFinished`
	_ = []log.EnabledParameters{{EventName: "journey.QUEUED"}}                                    // want `use tracing.JourneyQueued`
	_ = log.EnabledParameters{EventName: name}
	_ = log.EnabledParameters{Severity: log.SeverityInfo}
}

// record is not log.Record: its SetEventName is another method.
type record struct{ name string }

func (r *record) SetEventName(s string) { r.name = s }

func lookalike(r *record) { r.SetEventName("journey.QUEUED") }

// Suppressed like every position.
func quiet(rec *log.Record) {
	rec.SetEventName("journey.QUEUED") //nolint:spanattrlint
}
