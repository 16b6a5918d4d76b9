package configured

import "go.opentelemetry.io/otel/trace"

// recorder is a span wrapper: its AddEvent is a span event.
type recorder struct{ trace.Span }
