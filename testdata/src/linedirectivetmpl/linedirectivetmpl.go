//line generated.tmpl:500
package linedirectivetmpl

import "go.opentelemetry.io/otel/attribute"

// The package's directory, where -constants is resolved, is the one of
// this file, not of the template its //line directive names.
var KV = attribute.String("scheduler.step", "v") // want `use tracing.JourneySchedulerStep`
