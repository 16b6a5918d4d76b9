// Package engine writes most of its keys and event names as literals.
package engine

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"example.com/genapp/tracing"
)

// Name is what package cyclic uses, so that cyclic imports engine.
const Name = "engine"

// Run traces one request.
func Run(ctx context.Context, tr trace.Tracer, id string, prompt int) {
	_, span := tr.Start(ctx, "engine.run")
	defer span.End()
	span.SetAttributes(
		attribute.Int("gen_ai.usage.prompt_tokens", prompt),
		attribute.String("http.request_id", id),
		attribute.Key("user.id").String("u-1"),
		attribute.KeyValue{Key: "db.sql.table", Value: attribute.StringValue("requests")},
		attribute.Int("queue.wait.ms", 3),
		attribute.Int("queue.wait_ms", 4),
		attribute.Int("server.port", 8080),
		attribute.String(tracing.JourneyEventType, "START"),
	)
	span.AddEvent("journey.QUEUED", trace.WithAttributes(
		attribute.String("event.type", "QUEUED"),
		attribute.Int("k8s.pod.restarts", 0),
	))
	span.AddEvent("journey.FIRST_TOKEN")
	span.SetAttributes(attribute.Bool("engine.debug", true)) //nolint:spanattrlint // a debugging key, kept as written
}
