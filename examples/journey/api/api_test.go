package api_test

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/spanattrlint/spanattrlint/examples/journey/api"
	"github.com/spanattrlint/spanattrlint/examples/journey/engine"
)

// As in the engine tests, keys and event names are written out as strings:
// they are the contract, and must not change when the code under test moves
// from literals to package tracing's constants.

func attrMap(kvs []attribute.KeyValue) map[string]any {
	m := make(map[string]any, len(kvs))
	for _, kv := range kvs {
		m[string(kv.Key)] = kv.Value.AsInterface()
	}
	return m
}

// serve sends one request through a handler whose engine runs on a clock
// that ticks a millisecond per reading, so every latency is positive.
func serve(t *testing.T, body string) (*httptest.ResponseRecorder, map[string]sdktrace.ReadOnlySpan) {
	t.Helper()
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	var ticks atomic.Int64
	eng := engine.New(engine.Config{
		TotalBlocks:  16,
		PrefillChunk: 4,
		Now:          func() time.Duration { return time.Duration(ticks.Add(1)) * time.Millisecond },
	}, tp)
	h := api.New(eng, tp, "llama-3-8b", 8000)

	req := httptest.NewRequest(http.MethodPost, "/v1/completions", strings.NewReader(body))
	req.Header.Set("X-Request-Id", "req-42")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)

	spans := map[string]sdktrace.ReadOnlySpan{}
	for _, s := range rec.Ended() {
		spans[s.Name()] = s
	}
	return w, spans
}

func TestCompletionJourney(t *testing.T) {
	w, spans := serve(t, `{"model":"llama-3-8b","prompt":"Explain KV cache paging in one paragraph","max_tokens":5,"temperature":0.7,"top_p":0.9}`)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var resp api.CompletionResponse
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	if want := (api.CompletionResponse{ID: "req-42", Model: "llama-3-8b", CompletionTokens: 5, FinishReason: "length"}); resp != want {
		t.Errorf("response %+v, want %+v", resp, want)
	}

	apiSpan, core := spans["llm_request"], spans["llm_core"]
	if apiSpan == nil || core == nil || len(spans) != 2 {
		t.Fatalf("want spans llm_request and llm_core, got %v", slices.Collect(maps.Keys(spans)))
	}
	if apiSpan.SpanKind() != trace.SpanKindServer {
		t.Errorf("API span kind %v, want server", apiSpan.SpanKind())
	}
	if core.Parent().SpanID() != apiSpan.SpanContext().SpanID() {
		t.Errorf("core span is not a child of the API span")
	}

	// The API span: exact metadata, and latencies that are present and sane.
	attrs := attrMap(apiSpan.Attributes())
	e2e, _ := attrs["gen_ai.latency.e2e"].(float64)
	ttft, _ := attrs["gen_ai.latency.time_to_first_token"].(float64)
	if !(0 < ttft && ttft < e2e) {
		t.Errorf("want 0 < time_to_first_token (%v) < e2e (%v)", attrs["gen_ai.latency.time_to_first_token"], attrs["gen_ai.latency.e2e"])
	}
	delete(attrs, "gen_ai.latency.e2e")
	delete(attrs, "gen_ai.latency.time_to_first_token")
	wantAttrs := map[string]any{
		"http.request.method":            "POST",
		"server.port":                    int64(8000),
		"gen_ai.request.id":              "req-42",
		"gen_ai.usage.prompt_tokens":     int64(7),
		"gen_ai.request.max_tokens":      int64(5),
		"gen_ai.request.temperature":     0.7,
		"gen_ai.request.top_p":           0.9,
		"gen_ai.request.n":               int64(1),
		"gen_ai.response.model":          "llama-3-8b",
		"gen_ai.usage.completion_tokens": int64(5),
		"http.response.status_code":      int64(200),
	}
	if !reflect.DeepEqual(attrs, wantAttrs) {
		t.Errorf("API span attributes:\n got %v\nwant %v", attrs, wantAttrs)
	}

	// ARRIVED and DEPARTED bracket the core span's journey on the shared clock.
	ev := apiSpan.Events()
	if len(ev) != 2 || ev[0].Name != "journey.ARRIVED" || ev[1].Name != "journey.DEPARTED" {
		t.Fatalf("API span events %v, want journey.ARRIVED, journey.DEPARTED", ev)
	}
	arrived, departed := attrMap(ev[0].Attributes), attrMap(ev[1].Attributes)
	if arrived["event.type"] != "ARRIVED" || departed["event.type"] != "DEPARTED" || len(arrived) != 2 || len(departed) != 2 {
		t.Errorf("ARRIVED %v, DEPARTED %v: want event.type and ts.monotonic only", arrived, departed)
	}
	var coreNames []string
	for _, e := range core.Events() {
		coreNames = append(coreNames, e.Name)
	}
	if want := []string{"journey.QUEUED", "journey.SCHEDULED", "journey.FIRST_TOKEN", "journey.FINISHED"}; !reflect.DeepEqual(coreNames, want) {
		t.Errorf("core span events %v, want %v", coreNames, want)
	}
	queued := attrMap(core.Events()[0].Attributes)["ts.monotonic"].(float64)
	finished := attrMap(core.Events()[3].Attributes)["ts.monotonic"].(float64)
	if ts := []float64{arrived["ts.monotonic"].(float64), queued, finished, departed["ts.monotonic"].(float64)}; !slices.IsSorted(ts) {
		t.Errorf("ts.monotonic of ARRIVED, QUEUED, FINISHED, DEPARTED out of order: %v", ts)
	}
}

func TestBadRequestStillDeparts(t *testing.T) {
	w, spans := serve(t, `{"prompt":"   "}`)
	if w.Code != http.StatusBadRequest {
		t.Fatalf("status %d, want 400", w.Code)
	}
	apiSpan := spans["llm_request"]
	if apiSpan == nil || len(spans) != 1 {
		t.Fatalf("want only the API span, got %v", slices.Collect(maps.Keys(spans)))
	}
	if apiSpan.Status().Code != codes.Error {
		t.Errorf("span status %v, want error", apiSpan.Status())
	}
	var names []string
	for _, e := range apiSpan.Events() {
		names = append(names, e.Name)
	}
	if want := []string{"journey.ARRIVED", "journey.DEPARTED"}; !reflect.DeepEqual(names, want) {
		t.Errorf("events %v, want %v", names, want)
	}
	want := map[string]any{"http.request.method": "POST", "server.port": int64(8000), "http.response.status_code": int64(400)}
	if got := attrMap(apiSpan.Attributes()); !reflect.DeepEqual(got, want) {
		t.Errorf("attributes %v, want %v: no request metadata for a request that never parsed", got, want)
	}
}
