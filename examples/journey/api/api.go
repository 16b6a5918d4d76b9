// Package api is the HTTP front end of the example inference server. Each
// request gets an API span with ARRIVED and DEPARTED events, the request
// metadata, and the completion figures; the engine's core span is its child.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/spanattrlint/spanattrlint/examples/journey/engine"
	"github.com/spanattrlint/spanattrlint/examples/journey/tracing"
)

// CompletionRequest is the body of POST /v1/completions.
type CompletionRequest struct {
	Model       string  `json:"model"`
	Prompt      string  `json:"prompt"`
	MaxTokens   int     `json:"max_tokens"`
	Temperature float64 `json:"temperature"`
	TopP        float64 `json:"top_p"`
	N           int     `json:"n"`
}

// CompletionResponse is the reply; the engine generates no text, only counts.
type CompletionResponse struct {
	ID               string `json:"id"`
	Model            string `json:"model"`
	CompletionTokens int    `json:"completion_tokens"`
	FinishReason     string `json:"finish_reason"`
}

// Handler serves completions from one engine.
type Handler struct {
	engine *engine.Scheduler
	tracer trace.Tracer
	model  string
	port   int
	nextID atomic.Int64
}

// New returns a handler serving model on port (reported on the span only).
func New(eng *engine.Scheduler, tp trace.TracerProvider, model string, port int) *Handler {
	return &Handler{
		engine: eng,
		tracer: tp.Tracer("github.com/spanattrlint/spanattrlint/examples/journey/api"),
		model:  model,
		port:   port,
	}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, span := h.tracer.Start(r.Context(), "llm_request", trace.WithSpanKind(trace.SpanKindServer))
	defer span.End()
	// Timestamps come from the engine's clock, so that ts.monotonic orders
	// ARRIVED and DEPARTED against the core span's events.
	arrived := h.engine.Now()
	span.SetAttributes(
		semconv.HTTPRequestMethodKey.String(r.Method),
		attribute.Int("server.port", h.port),
	)
	span.AddEvent(tracing.JourneyEventArrived, trace.WithAttributes(
		attribute.String(tracing.JourneyEventType, "ARRIVED"),
		attribute.Float64("ts.monotonic", arrived.Seconds()),
	))

	status, body := h.complete(ctx, r, span, arrived)
	if status != http.StatusOK {
		span.SetStatus(codes.Error, http.StatusText(status))
	}
	departed := h.engine.Now()
	span.SetAttributes(semconv.HTTPResponseStatusCodeKey.Int(status))
	span.AddEvent("journey.DEPARTED", trace.WithAttributes(
		attribute.String("event.type", "DEPARTED"),
		attribute.Float64(tracing.JourneyTsMonotonic, departed.Seconds()),
	))
	if status == http.StatusOK {
		span.SetAttributes(attribute.Float64("gen_ai.latency.e2e", (departed - arrived).Seconds()))
	}

	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body) // the client may be gone; the span already says how it went
}

// complete decodes and runs one request, returning the status and the body.
func (h *Handler) complete(ctx context.Context, r *http.Request, span trace.Span, arrived time.Duration) (int, any) {
	var req CompletionRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || strings.TrimSpace(req.Prompt) == "" {
		return http.StatusBadRequest, errorBody(errors.New("body must be JSON with a non-empty prompt"))
	}
	if req.Model != "" && req.Model != h.model {
		return http.StatusNotFound, errorBody(fmt.Errorf("model %q is not served here", req.Model))
	}
	if req.MaxTokens == 0 {
		req.MaxTokens = 16
	}
	if req.N == 0 {
		req.N = 1
	}
	id := r.Header.Get("X-Request-Id")
	if id == "" {
		id = fmt.Sprintf("req-%d", h.nextID.Add(1))
	}
	promptTokens := len(strings.Fields(req.Prompt)) // a stand-in tokenizer
	span.SetAttributes(
		tracing.GenAIRequestIDKey.String(id),
		attribute.Int("gen_ai.usage.prompt_tokens", promptTokens),
		attribute.Int("gen_ai.request.max_tokens", req.MaxTokens),
		attribute.Float64("gen_ai.request.temperature", req.Temperature),
		tracing.GenAIRequestTopPKey.Float64(req.TopP),
		tracing.GenAIRequestNKey.Int(req.N),
	)

	res, err := h.engine.Generate(ctx, engine.Request{ID: id, PromptTokens: promptTokens, MaxTokens: req.MaxTokens})
	if err != nil {
		span.RecordError(err)
		return http.StatusUnprocessableEntity, errorBody(err)
	}
	span.SetAttributes(
		tracing.GenAIResponseModelKey.String(h.model),
		attribute.Int("gen_ai.usage.completion_tokens", res.CompletionTokens),
		tracing.GenAILatencyTimeToFirstTokenKey.Float64((res.FirstTokenAt - arrived).Seconds()),
	)
	return http.StatusOK, CompletionResponse{ID: id, Model: h.model, CompletionTokens: res.CompletionTokens, FinishReason: res.FinishStatus}
}

func errorBody(err error) map[string]string { return map[string]string{"error": err.Error()} }
