// Package configured does not import tracing; -constants names it, so the
// fix adds the import.
package configured

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func finished(span trace.Span, status string) {
	span.SetAttributes(attribute.String("finish.status", status)) // want `hard-coded attribute key "finish.status": use tracing.FinishStatus`
	span.SetAttributes(attribute.String("journey.hidden", status)) // want `no constant defines it`
}
