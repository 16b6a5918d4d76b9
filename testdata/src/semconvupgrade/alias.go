package semconvupgrade

import (
	"go.opentelemetry.io/otel/attribute"
	sc "go.opentelemetry.io/otel/semconv/v1.21.0" // want `semconv v1.21.0 is imported here, but this module uses v1.26.0 \(-semconv-version\)$`
)

// The alias stays.
var aliased = []attribute.KeyValue{sc.HTTPRouteKey.String("/"), sc.TelemetrySDKLanguageGo}
