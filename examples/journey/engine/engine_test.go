package engine_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/spanattrlint/spanattrlint/examples/journey/engine"
)

// The keys and event names below are written out as strings on purpose: they
// are the wire contract that dashboards query. Replacing the engine's
// literals with package tracing's constants must leave these tests passing.

type event struct {
	Name  string
	Attrs map[string]any
}

func attrMap(kvs []attribute.KeyValue) map[string]any {
	m := make(map[string]any, len(kvs))
	for _, kv := range kvs {
		m[string(kv.Key)] = kv.Value.AsInterface()
	}
	return m
}

func events(s sdktrace.ReadOnlySpan) []event {
	var out []event
	for _, e := range s.Events() {
		out = append(out, event{e.Name, attrMap(e.Attributes)})
	}
	return out
}

// snap is the progress snapshot carried by every journey event after QUEUED.
func snap(typ string, ts float64, step int64, phase string, prefillDone, prefillTotal, decodeDone, decodeMax, preemptions int64) map[string]any {
	return map[string]any{
		"event.type": typ, "ts.monotonic": ts, "scheduler.step": step, "phase": phase,
		"prefill.done_tokens": prefillDone, "prefill.total_tokens": prefillTotal,
		"decode.done_tokens": decodeDone, "decode.max_tokens": decodeMax,
		"num_preemptions": preemptions,
	}
}

func with(m map[string]any, k string, v any) map[string]any {
	m[k] = v
	return m
}

func queued(prefillTotal, decodeMax int64) event {
	return event{"journey.QUEUED", map[string]any{
		"event.type": "QUEUED", "ts.monotonic": 0.0, "scheduler.step": int64(0), "phase": "WAITING",
		"prefill.total_tokens": prefillTotal, "decode.max_tokens": decodeMax,
	}}
}

// newScheduler returns a scheduler recording into a fresh span recorder, on
// a clock that the test sets by hand.
func newScheduler(cfg engine.Config) (*engine.Scheduler, *tracetest.SpanRecorder, *time.Duration) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	now := new(time.Duration)
	cfg.Now = func() time.Duration { return *now }
	return engine.New(cfg, tp), rec, now
}

func coreSpan(t *testing.T, rec *tracetest.SpanRecorder, id string) sdktrace.ReadOnlySpan {
	t.Helper()
	for _, s := range rec.Ended() {
		if a := attrMap(s.Attributes()); s.Name() == "llm_core" && a["gen_ai.request.id"] == id {
			return s
		}
	}
	t.Fatalf("no ended core span for request %s", id)
	return nil
}

// TestJourneyWithPreemption runs two requests through a four-block KV cache:
// a's fourth token needs a third block, so b, the younger, is preempted,
// waits for a to finish, and recomputes its prompt and its two tokens.
func TestJourneyWithPreemption(t *testing.T) {
	s, rec, now := newScheduler(engine.Config{TotalBlocks: 4, PrefillChunk: 4})
	ctx := context.Background()
	for _, r := range []engine.Request{{ID: "a", PromptTokens: 6, MaxTokens: 4}, {ID: "b", PromptTokens: 5, MaxTokens: 3}} {
		if err := s.Add(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	finishedAt := map[string]int{}
	for step := 1; step <= 7; step++ {
		*now = time.Duration(step) * 10 * time.Millisecond
		for _, res := range s.Step() {
			finishedAt[res.ID] = step
		}
	}
	if want := map[string]int{"a": 5, "b": 7}; !reflect.DeepEqual(finishedAt, want) {
		t.Fatalf("finished at steps %v, want %v", finishedAt, want)
	}

	a := coreSpan(t, rec, "a")
	wantA := []event{
		queued(6, 4),
		{"journey.SCHEDULED", with(snap("SCHEDULED", 0.01, 1, "PREFILL", 0, 6, 0, 4, 0), "schedule.kind", "FIRST")},
		{"journey.FIRST_TOKEN", snap("FIRST_TOKEN", 0.02, 2, "DECODE", 6, 6, 1, 4, 0)},
		{"journey.FINISHED", with(snap("FINISHED", 0.05, 5, "DECODE", 6, 6, 4, 4, 0), "finish.status", "length")},
	}
	if got := events(a); !reflect.DeepEqual(got, wantA) {
		t.Errorf("events of a:\n got %v\nwant %v", got, wantA)
	}
	wantAttrsA := map[string]any{
		"gen_ai.request.id": "a", "gen_ai.usage.prompt_tokens": int64(6),
		"gen_ai.usage.completion_tokens":         int64(4),
		"gen_ai.latency.time_in_queue":           0.01,
		"gen_ai.latency.time_in_model_prefill":   0.01,
		"gen_ai.latency.time_in_model_decode":    0.03,
		"gen_ai.latency.time_in_model_inference": 0.04,
	}
	if got := attrMap(a.Attributes()); !reflect.DeepEqual(got, wantAttrsA) {
		t.Errorf("attributes of a:\n got %v\nwant %v", got, wantAttrsA)
	}

	b := coreSpan(t, rec, "b")
	wantB := []event{
		queued(5, 3),
		{"journey.SCHEDULED", with(snap("SCHEDULED", 0.01, 1, "PREFILL", 0, 5, 0, 3, 0), "schedule.kind", "FIRST")},
		{"journey.FIRST_TOKEN", snap("FIRST_TOKEN", 0.02, 2, "DECODE", 5, 5, 1, 3, 0)},
		{"journey.PREEMPTED", snap("PREEMPTED", 0.04, 4, "WAITING", 0, 7, 2, 3, 1)},
		{"journey.SCHEDULED", with(snap("SCHEDULED", 0.06, 6, "PREFILL", 0, 7, 2, 3, 1), "schedule.kind", "RESUME")},
		{"journey.FINISHED", with(snap("FINISHED", 0.07, 7, "DECODE", 7, 7, 3, 3, 1), "finish.status", "length")},
	}
	if got := events(b); !reflect.DeepEqual(got, wantB) {
		t.Errorf("events of b:\n got %v\nwant %v", got, wantB)
	}
	if got := attrMap(b.Attributes()); got["gen_ai.latency.time_in_model_decode"] != 0.05 || got["gen_ai.usage.completion_tokens"] != int64(3) {
		t.Errorf("attributes of b: %v", got)
	}
}

// TestSampledStepEvents checks the per-step events: a batch summary on an
// engine.step span every step, and a snapshot on the core span of each
// request still running after the step.
func TestSampledStepEvents(t *testing.T) {
	s, rec, now := newScheduler(engine.Config{TotalBlocks: 4, PrefillChunk: 4, SampleEvery: 1})
	if err := s.Add(context.Background(), engine.Request{ID: "r", PromptTokens: 3, MaxTokens: 2}); err != nil {
		t.Fatal(err)
	}
	*now = 10 * time.Millisecond
	s.Step() // prefill and first token: one block
	*now = 20 * time.Millisecond
	s.Step() // second token needs a second block, then r finishes and frees both

	var summaries []event
	for _, sp := range rec.Ended() {
		if sp.Name() == "engine.step" {
			summaries = append(summaries, events(sp)...)
		}
	}
	want := []event{
		{"step.BATCH_SUMMARY", map[string]any{"scheduler.step": int64(1), "engine.batch_size": int64(1), "phase": "DECODE",
			"kv.blocks_used": int64(1), "kv.blocks_total": int64(4), "kv.usage_ratio": 0.25}},
		{"step.BATCH_SUMMARY", map[string]any{"scheduler.step": int64(2), "engine.batch_size": int64(1), "phase": "DECODE",
			"kv.blocks_used": int64(0), "kv.blocks_total": int64(4), "kv.usage_ratio": 0.0}},
	}
	if !reflect.DeepEqual(summaries, want) {
		t.Errorf("batch summaries:\n got %v\nwant %v", summaries, want)
	}

	var names []string
	var snapshot event
	for _, e := range events(coreSpan(t, rec, "r")) {
		names = append(names, e.Name)
		if e.Name == "step.REQUEST_SNAPSHOT" {
			snapshot = e
		}
	}
	if want := []string{"journey.QUEUED", "journey.SCHEDULED", "journey.FIRST_TOKEN", "step.REQUEST_SNAPSHOT", "journey.FINISHED"}; !reflect.DeepEqual(names, want) {
		t.Errorf("core span events %v, want %v", names, want)
	}
	if want := with(snap("REQUEST_SNAPSHOT", 0.01, 1, "DECODE", 3, 3, 1, 2, 0), "kv.blocks_used", int64(1)); !reflect.DeepEqual(snapshot.Attrs, want) {
		t.Errorf("request snapshot:\n got %v\nwant %v", snapshot.Attrs, want)
	}
}
