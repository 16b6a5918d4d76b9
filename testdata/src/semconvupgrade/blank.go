package semconvupgrade

import (
	_ "go.opentelemetry.io/otel/semconv/v1.24.0" // want `semconv v1.24.0 is imported here, but this module uses v1.26.0 \(-semconv-version\)$`
)
