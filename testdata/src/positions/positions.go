// Package positions writes keys and event names in every position the
// analyzer checks, matched against the package's own constants.
package positions

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

const (
	keyQueue  = "queue.name"
	eventDone = "journey.DONE"
	prefix    = "journey"
	keyBlocks = "kv.blocks_used"
	keyRatio  = "kv.usage_ratio"
	keyTags   = "request.tags"
)

func dynamic() string { return "queue" + fmt.Sprint(1) }

func constructors(span trace.Span, s fmt.Stringer) {
	span.SetAttributes(
		attribute.String("queue.name", "q"),   // want `hard-coded attribute key "queue.name": use keyQueue`
		attribute.String(`queue.name`, "q"),   // want `hard-coded attribute key "queue.name": use keyQueue`
		attribute.String(("queue.name"), "q"), // want `hard-coded attribute key "queue.name": use keyQueue`
		attribute.String("queue"+".name", "q"), // want `hard-coded attribute key "queue.name": use keyQueue`
		attribute.String(prefix+".step", "q"), // want `hard-coded attribute key "journey.step": no constant defines it`
		attribute.Int64("kv.blocks_used", 3),  // want `use keyBlocks`
		attribute.Int("kv.blocks_used", 3),    // want `use keyBlocks`
		attribute.Float64("kv.usage_ratio", .5), // want `use keyRatio`
		attribute.Bool("engine.cache_hit", true), // want `hard-coded attribute key "engine.cache_hit": no constant defines it`
		attribute.StringSlice("request.tags", nil), // want `use keyTags`
		attribute.BoolSlice("request.tags", nil),   // want `use keyTags` `"request.tags" is set with attribute.BoolSlice \(a \[\]bool\) here and with attribute.StringSlice \(a \[\]string\) at positions.go:35`
		attribute.IntSlice("request.tags", nil),    // want `use keyTags` `"request.tags" is set with attribute.IntSlice \(a \[\]int\) here`
		attribute.Int64Slice("request.tags", nil),  // want `use keyTags` `"request.tags" is set with attribute.Int64Slice \(a \[\]int64\) here`
		attribute.Float64Slice("request.tags", nil), // want `use keyTags` `"request.tags" is set with attribute.Float64Slice \(a \[\]float64\) here`
		attribute.ByteSlice("request.tags", nil),   // want `use keyTags`
		attribute.Slice("request.tags", attribute.IntValue(1)), // want `use keyTags`
		attribute.Map("request.tags"),                          // want `use keyTags`
		attribute.Stringer("queue.name", s),                    // want `use keyQueue`
		attribute.String(keyQueue, "q"),                        // a named constant
		attribute.String(dynamic(), "q"),                       // not constant
	)
}

func conversions(span trace.Span) []attribute.KeyValue {
	k := attribute.Key("queue.name") // want `use keyQueue`
	return []attribute.KeyValue{
		k.String("q"),
		attribute.Key("kv.blocks_used").Int(1), // want `use keyBlocks`
		{Key: "kv.usage_ratio", Value: attribute.Float64Value(.5)},  // want `use keyRatio`
		attribute.KeyValue{"request.tags", attribute.StringValue("")}, // want `use keyTags` `"request.tags" is set with attribute.StringValue \(a string\) here and with attribute.StringSlice \(a \[\]string\) at positions.go:35`
		{Key: attribute.Key("queue.name")},                            // want `use keyQueue`
	}
}

// loggingSpan wraps a span; its AddEvent is still a span event.
type loggingSpan struct{ trace.Span }

func (s loggingSpan) AddEvent(name string, opts ...trace.EventOption) {
	fmt.Println("event", name)
	s.Span.AddEvent(name, opts...)
}

func events(ctx context.Context, span trace.Span, tracer trace.Tracer) {
	span.AddEvent("journey.DONE")                 // want `hard-coded event name "journey.DONE": use eventDone`
	loggingSpan{span}.AddEvent("journey.DONE")    // want `hard-coded event name "journey.DONE": use eventDone`
	span.AddEvent(eventDone)                      // a named constant
	span.AddEvent("journey.UNKNOWN")              // want `hard-coded event name "journey.UNKNOWN": no constant defines it`
	_, s := tracer.Start(ctx, "journey.DONE")     // span names are off by default
	s.End()
}
