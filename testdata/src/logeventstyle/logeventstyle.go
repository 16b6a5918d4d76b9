// Package logeventstyle is checked with -event-style=upper: a log record's
// event name is an event name for the naming and style rules too.
package logeventstyle

import (
	"context"

	"go.opentelemetry.io/otel/log"
)

func emit(ctx context.Context, l log.Logger) {
	var rec log.Record
	rec.SetEventName("journey.queued")                                   // want `no constant defines it` `event name "journey.queued" breaks -event-style=upper: use lowercase namespaces and the last component in UPPER_SNAKE_CASE, e.g. "journey.QUEUED"`
	_ = l.Enabled(ctx, log.EnabledParameters{EventName: "Journey.Done"}) // want `no constant defines it` `breaks -event-style=upper`
	rec.SetEventName("journey.DONE")                                     // want `no constant defines it$`
	l.Emit(ctx, rec)
}
