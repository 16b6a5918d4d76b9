package engine

import (
	"context"
	"slices"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

// recorder records what is emitted: span names, attribute keys (of the
// span and of its events) and event names, in order.
type recorder struct {
	noop.Span
	got []string
}

func (r *recorder) SetAttributes(kvs ...attribute.KeyValue) {
	for _, kv := range kvs {
		r.got = append(r.got, "attr "+string(kv.Key))
	}
}

func (r *recorder) AddEvent(name string, opts ...trace.EventOption) {
	r.got = append(r.got, "event "+name)
	cfg := trace.NewEventConfig(opts...)
	for _, kv := range cfg.Attributes() {
		r.got = append(r.got, "event attr "+string(kv.Key))
	}
}

type tracer struct {
	noop.Tracer
	span *recorder
}

func (t tracer) Start(ctx context.Context, name string, _ ...trace.SpanStartOption) (context.Context, trace.Span) {
	t.span.got = append(t.span.got, "span "+name)
	return ctx, t.span
}

// TestTelemetry pins every name and key that Run emits, so that it fails
// if rewriting the literals changed any of them.
func TestTelemetry(t *testing.T) {
	rec := &recorder{}
	Run(context.Background(), tracer{span: rec}, "r-1", 12)
	rec.SetAttributes(attribute.String("test.case", t.Name()))
	want := []string{
		"span engine.run",
		"attr gen_ai.usage.prompt_tokens",
		"attr http.request_id",
		"attr user.id",
		"attr db.sql.table",
		"attr queue.wait.ms",
		"attr queue.wait_ms",
		"attr server.port",
		"attr event.type",
		"event journey.QUEUED",
		"event attr event.type",
		"event attr k8s.pod.restarts",
		"event journey.FIRST_TOKEN",
		"attr engine.debug",
		"attr test.case",
	}
	if !slices.Equal(rec.got, want) {
		t.Errorf("emitted\n%q\nwant\n%q", rec.got, want)
	}
}
