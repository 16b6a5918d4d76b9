// Package engine is the scheduler of the example inference server. No model
// runs: a step advances every running request by a prefill chunk or one
// decoded token, under a KV-cache budget that forces preemptions, which is
// all the journey tracing needs.
//
// Much of the tracing here predates package tracing and still writes keys
// and event names as literals; spanattrlint -fix replaces them with the
// constants that hold the same strings.
package engine

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"github.com/spanattrlint/spanattrlint/examples/journey/tracing"
)

// BlockSize is the number of tokens one KV-cache block holds.
const BlockSize = 4

// Phase is where a request is in its life, reported as the "phase" key.
type Phase string

const (
	PhaseWaiting Phase = "WAITING"
	PhasePrefill Phase = "PREFILL"
	PhaseDecode  Phase = "DECODE"
)

// Config sizes the scheduler.
type Config struct {
	TotalBlocks  int                  // KV-cache capacity, in blocks of BlockSize tokens
	PrefillChunk int                  // most prompt tokens a request prefills per step
	SampleEvery  int64                // emit step.* events every SampleEvery steps; 0: never
	Now          func() time.Duration // monotonic clock; nil: time since New
}

// Request is what the front end asks the engine to generate.
type Request struct {
	ID           string
	PromptTokens int
	MaxTokens    int
}

// Result describes a finished request. Times are on the engine's clock.
type Result struct {
	ID               string
	CompletionTokens int
	FinishStatus     string
	Preemptions      int
	FirstTokenAt     time.Duration
	TimeInQueue      time.Duration
	PrefillTime      time.Duration
	DecodeTime       time.Duration
	InferenceTime    time.Duration
}

// seq is a request in flight, with the core span that records its journey.
type seq struct {
	Request
	span         trace.Span
	phase        Phase
	prefillDone  int
	prefillTotal int // the prompt, plus the output to recompute after a preemption
	decodeDone   int
	preemptions  int
	blocks       int
	queuedAt     time.Duration
	scheduledAt  time.Duration // first scheduling; zero until then
	firstTokenAt time.Duration
	scheduled    bool
}

// Scheduler runs requests in FIFO order. Add and Step are not safe for
// concurrent use; Generate serialises its callers.
type Scheduler struct {
	cfg     Config
	tracer  trace.Tracer
	mu      sync.Mutex
	step    int64
	free    int
	waiting []*seq
	running []*seq
}

// New returns a scheduler that traces through tp.
func New(cfg Config, tp trace.TracerProvider) *Scheduler {
	if cfg.Now == nil {
		start := time.Now()
		cfg.Now = func() time.Duration { return time.Since(start) }
	}
	return &Scheduler{
		cfg:    cfg,
		tracer: tp.Tracer("github.com/spanattrlint/spanattrlint/examples/journey/engine"),
		free:   cfg.TotalBlocks,
	}
}

// Now reads the engine's monotonic clock, which the front end shares so that
// latencies on both spans are comparable.
func (s *Scheduler) Now() time.Duration { return s.cfg.Now() }

func blocksFor(tokens int) int { return (tokens + BlockSize - 1) / BlockSize }

// Generate queues req and steps the engine until req finishes.
func (s *Scheduler) Generate(ctx context.Context, req Request) (Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.Add(ctx, req); err != nil {
		return Result{}, err
	}
	for {
		for _, res := range s.Step() {
			if res.ID == req.ID {
				return res, nil
			}
		}
	}
}

// Add queues req and starts its core span as a child of the span in ctx.
func (s *Scheduler) Add(ctx context.Context, req Request) error {
	if req.PromptTokens <= 0 || req.MaxTokens <= 0 {
		return fmt.Errorf("request %s: prompt and max tokens must be positive", req.ID)
	}
	if blocksFor(req.PromptTokens+req.MaxTokens) > s.cfg.TotalBlocks {
		return fmt.Errorf("request %s: %d tokens exceed the KV cache", req.ID, req.PromptTokens+req.MaxTokens)
	}
	_, span := s.tracer.Start(ctx, "llm_core")
	r := &seq{Request: req, span: span, phase: PhaseWaiting, prefillTotal: req.PromptTokens, queuedAt: s.Now()}
	span.SetAttributes(
		tracing.GenAIRequestIDKey.String(req.ID),
		attribute.Int("gen_ai.usage.prompt_tokens", req.PromptTokens),
	)
	// Nothing has progressed yet, so QUEUED carries only the sizes.
	span.AddEvent("journey.QUEUED", trace.WithAttributes(
		attribute.String("event.type", "QUEUED"),
		attribute.Float64("ts.monotonic", r.queuedAt.Seconds()),
		attribute.Int64("scheduler.step", s.step),
		attribute.String("phase", string(r.phase)),
		attribute.Int("prefill.total_tokens", r.prefillTotal),
		attribute.Int("decode.max_tokens", req.MaxTokens),
	))
	s.waiting = append(s.waiting, r)
	return nil
}

// Step runs one scheduler iteration and returns the requests it finished.
func (s *Scheduler) Step() []Result {
	s.step++
	s.admit()
	var (
		finished []Result
		batch    []*seq
	)
	// Iterate over a copy: growing one request may preempt another.
	for _, r := range slices.Clone(s.running) {
		if r.phase == PhaseWaiting {
			continue // preempted earlier in this step
		}
		batch = append(batch, r)
		if r.phase == PhasePrefill {
			r.prefillDone += min(s.cfg.PrefillChunk, r.prefillTotal-r.prefillDone)
			if r.prefillDone < r.prefillTotal {
				continue
			}
			r.phase = PhaseDecode // the step that ends prefill also samples a token
		}
		if !s.grow(r) {
			batch = batch[:len(batch)-1] // preempted itself: it did no work
			continue
		}
		r.decodeDone++
		if r.decodeDone == 1 {
			r.firstTokenAt = s.Now()
			r.span.AddEvent("journey.FIRST_TOKEN", trace.WithAttributes(s.progress(r, "FIRST_TOKEN")...))
		}
		if r.decodeDone == r.MaxTokens {
			finished = append(finished, s.finish(r, "length"))
		}
	}
	if s.cfg.SampleEvery > 0 && s.step%s.cfg.SampleEvery == 0 {
		s.sample(batch)
	}
	return finished
}

// admit schedules waiting requests, oldest first, while their prefill fits.
func (s *Scheduler) admit() {
	for len(s.waiting) > 0 {
		r := s.waiting[0]
		need := blocksFor(r.prefillTotal)
		if need > s.free {
			return // head-of-line: younger requests wait too
		}
		s.waiting = s.waiting[1:]
		s.free -= need
		r.blocks = need
		r.phase = PhasePrefill
		kind := "RESUME"
		if !r.scheduled {
			kind, r.scheduled, r.scheduledAt = "FIRST", true, s.Now()
		}
		s.running = append(s.running, r)
		r.span.AddEvent("journey.SCHEDULED",
			trace.WithAttributes(s.progress(r, "SCHEDULED")...),
			trace.WithAttributes(attribute.String("schedule.kind", kind)))
	}
}

// grow makes room for r's next token, preempting the youngest running
// request when the cache is full. It reports false if that was r itself.
func (s *Scheduler) grow(r *seq) bool {
	need := blocksFor(r.PromptTokens+r.decodeDone+1) - r.blocks
	for need > s.free {
		victim := s.running[len(s.running)-1]
		s.preempt(victim)
		if victim == r {
			return false
		}
	}
	if need > 0 {
		s.free -= need
		r.blocks += need
	}
	return true
}

// preempt frees r's blocks and requeues it at the front; it will recompute
// its prompt and the output so far when it is scheduled again.
func (s *Scheduler) preempt(r *seq) {
	s.running = slices.DeleteFunc(s.running, func(x *seq) bool { return x == r })
	s.free += r.blocks
	r.blocks = 0
	r.phase = PhaseWaiting
	r.prefillDone = 0
	r.prefillTotal = r.PromptTokens + r.decodeDone
	r.preemptions++
	s.waiting = slices.Insert(s.waiting, 0, r)
	r.span.AddEvent("journey.PREEMPTED", trace.WithAttributes(s.progress(r, "PREEMPTED")...))
}

func (s *Scheduler) finish(r *seq, status string) Result {
	s.running = slices.DeleteFunc(s.running, func(x *seq) bool { return x == r })
	s.free += r.blocks
	now := s.Now()
	res := Result{
		ID:               r.ID,
		CompletionTokens: r.decodeDone,
		FinishStatus:     status,
		Preemptions:      r.preemptions,
		FirstTokenAt:     r.firstTokenAt,
		TimeInQueue:      r.scheduledAt - r.queuedAt,
		PrefillTime:      r.firstTokenAt - r.scheduledAt,
		DecodeTime:       now - r.firstTokenAt,
		InferenceTime:    now - r.scheduledAt,
	}
	r.span.AddEvent("journey.FINISHED",
		trace.WithAttributes(s.progress(r, "FINISHED")...),
		trace.WithAttributes(attribute.KeyValue{Key: "finish.status", Value: attribute.StringValue(status)}))
	r.span.SetAttributes(resultAttributes(res)...)
	r.span.End()
	return res
}

// progress is the snapshot that every journey event after QUEUED carries.
func (s *Scheduler) progress(r *seq, eventType string) []attribute.KeyValue {
	return []attribute.KeyValue{
		attribute.String("event.type", eventType),
		attribute.Float64("ts.monotonic", s.Now().Seconds()),
		attribute.Int64(tracing.JourneySchedulerStep, s.step),
		attribute.Key("phase").String(string(r.phase)),
		attribute.Int("prefill.done_tokens", r.prefillDone),
		attribute.Int("prefill.total_tokens", r.prefillTotal),
		attribute.Int("decode.done_tokens", r.decodeDone),
		attribute.Int("decode.max_tokens", r.MaxTokens),
		attribute.Int("num_preemptions", r.preemptions),
	}
}

// resultAttributes are the engine-side latencies, set on the core span when
// the request finishes.
func resultAttributes(res Result) []attribute.KeyValue {
	return []attribute.KeyValue{
		tracing.GenAIUsageCompletionTokensKey.Int(res.CompletionTokens),
		attribute.Float64("gen_ai.latency.time_in_queue", res.TimeInQueue.Seconds()),
		attribute.Float64("gen_ai.latency.time_in_model_prefill", res.PrefillTime.Seconds()),
		tracing.GenAILatencyTimeInModelDecodeKey.Float64(res.DecodeTime.Seconds()),
		attribute.Float64("gen_ai.latency.time_in_model_inference", res.InferenceTime.Seconds()),
	}
}

// sample records the sampled step events: a batch summary on a short span of
// its own, and a snapshot on the core span of every request in the batch.
func (s *Scheduler) sample(batch []*seq) {
	used := s.cfg.TotalBlocks - s.free
	phase := "IDLE"
	for _, r := range batch {
		switch p := string(r.phase); {
		case phase == "IDLE":
			phase = p
		case phase != p:
			phase = "MIXED"
		}
	}
	_, span := s.tracer.Start(context.Background(), "engine.step")
	span.AddEvent("step.BATCH_SUMMARY", trace.WithAttributes(
		attribute.Int64("scheduler.step", s.step),
		attribute.Int("engine.batch_size", len(batch)),
		attribute.String("phase", phase), //nolint:spanattrlint // the batch's phase mix, not a request's JourneyPhase: it must not follow a rename of that key
		attribute.Int("kv.blocks_used", used),
		attribute.Int(tracing.KVBlocksTotal, s.cfg.TotalBlocks),
		attribute.Float64("kv.usage_ratio", float64(used)/float64(s.cfg.TotalBlocks)),
	))
	span.End()
	for _, r := range batch {
		if !slices.Contains(s.running, r) {
			continue // finished this step: its span has ended
		}
		r.span.AddEvent(tracing.StepEventRequestSnapshot,
			trace.WithAttributes(s.progress(r, "REQUEST_SNAPSHOT")...),
			trace.WithAttributes(attribute.Int(tracing.KVBlocksUsed, r.blocks)))
	}
}
