// Package spanlog is a logger that tags its span, in the manner of
// grafana/dskit's spanlogger: SetTag's key is an attribute key, which
// callers in other packages see only through -key-funcs.
package spanlog

import (
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// SpanLogger tags a span.
type SpanLogger struct{ span trace.Span }

// New returns a SpanLogger of span.
func New(span trace.Span) *SpanLogger { return &SpanLogger{span} }

// SetTag sets an attribute of the span.
func (s *SpanLogger) SetTag(key string, value any) {
	s.span.SetAttributes(attribute.String(key, fmt.Sprint(value)))
}

// Other takes a string that is not a key.
func (s *SpanLogger) Other(msg string) { _ = msg }

// Tag is a function whose first argument is a key.
func Tag(key string, value int) attribute.KeyValue { return attribute.Int(key, value) }

// Tagger is what SpanLogger implements.
type Tagger interface{ SetTag(key string, value any) }

// Event adds an event to span: its second argument is an event name
// (-key-funcs=example.com/app/internal/spanlog.Event:1:event).
func Event(span trace.Span, name string) { span.AddEvent(name) }
