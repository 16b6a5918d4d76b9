//line generated.go:500
package linedirectiveimport

import (
	"go.opentelemetry.io/otel/attribute"
)

// A //line directive above the package clause maps every line of the file
// to line 500 and after of another file; a fix that adds an import still
// edits the lines of this one.
var KV = attribute.String("scheduler.step", "v") // want `use tracing.JourneySchedulerStep`
