package configured

import (
	"fmt"

	lookalike "example.com/app/lookalike/attribute"

	"go.opentelemetry.io/otel/attribute"
)

// The new import joins the group whose paths it shares most with
// (example.com/app/...), not simply the last one.
func both() (attribute.KeyValue, lookalike.KV) {
	fmt.Println()
	return attribute.String("event.type", "QUEUED"), lookalike.String("event.type", "QUEUED") // want `use tracing.JourneyEventType`
}
