// Package lookalike calls functions and methods named like OpenTelemetry's
// that are not: nothing is reported.
package lookalike

import (
	"example.com/app/lookalike/attribute"

	"go.opentelemetry.io/otel/trace"
)

const keyPhase = "phase"

// journal has an AddEvent method but is not a trace.Span.
type journal struct{ events []string }

func (j *journal) AddEvent(name string) { j.events = append(j.events, name) }

func record(j *journal, _ trace.Span) attribute.KV {
	j.AddEvent("journey.QUEUED")
	return attribute.String("phase", "DECODE")
}
