// Package nolint honours //nolint directives as golangci-lint does.
package nolint

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

const keyPhase = "phase"

func record(span trace.Span) {
	span.SetAttributes(
		attribute.String("phase", "a"), //nolint:spanattrlint // dashboards read this literal
		attribute.String("phase", "b"), //nolint
		attribute.String("phase", "c"), //nolint:errcheck,spanattrlint
		attribute.String("phase", "d"), //nolint:all
		attribute.String("phase", "e"), //nolint:errcheck // want `use keyPhase`
		attribute.String("phase", "f"), // want `use keyPhase`
	)
}

//nolint:spanattrlint // the whole function is exempt
func legacy(span trace.Span) {
	span.SetAttributes(attribute.String("phase", "g"))
	span.AddEvent("journey.QUEUED")
}
