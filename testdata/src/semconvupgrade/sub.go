package semconvupgrade

import (
	"go.opentelemetry.io/otel/semconv/v1.20.0/httpconv" // want `semconv v1.20.0 \(go.opentelemetry.io/otel/semconv/v1.20.0/httpconv\) is imported here, but this module uses v1.26.0 \(-semconv-version\); no fix: it is a subpackage \(httpconv\)`
)

// A subpackage of an old version is reported, with no fix.
var _ = httpconv.ClientRequest
