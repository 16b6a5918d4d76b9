// Package api shares some keys with engine; it sorts first, so the
// constants say they were first seen here.
package api

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// Arrived records a request's arrival.
func Arrived(span trace.Span, prompt int) {
	span.AddEvent("journey.ARRIVED", trace.WithAttributes(
		attribute.Int("gen_ai.usage.prompt_tokens", prompt),
		attribute.String("event.type", "ARRIVED"),
	))
}

// Attrs are the request's attributes.
func Attrs(route string) []attribute.KeyValue {
	return []attribute.KeyValue{
		attribute.String("http.route", route),
		attribute.Key("api.version").String("v1"),
	}
}
