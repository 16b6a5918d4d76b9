// Package nolint honours //nolint directives as golangci-lint does.
package nolint

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

const keyPhase = "journey.phase"

func record(span trace.Span) {
	span.SetAttributes(
		attribute.String("journey.phase", "a"), //nolint:spanattrlint // dashboards read this literal
		attribute.String("journey.phase", "b"), //nolint
		attribute.String("journey.phase", "c"), //nolint:errcheck,spanattrlint
		attribute.String("journey.phase", "d"), //nolint:all
		attribute.String("journey.phase", "e"), //nolint:errcheck // want `use keyPhase`
		attribute.String("journey.phase", "f"), // want `use keyPhase`
	)
}

//nolint:spanattrlint // the whole function is exempt
func legacy(span trace.Span) {
	span.SetAttributes(attribute.String("journey.phase", "g"))
	span.AddEvent("journey.QUEUED")
}
