package semconvupgrade

import (
	"go.opentelemetry.io/otel/attribute"
	semconv26 "go.opentelemetry.io/otel/semconv/v1.26.0"
)

// The target version itself is not reported.
var current = []attribute.KeyValue{semconv26.HTTPRequestMethodGet}
