package semconvupgradetwo

import (
	"go.opentelemetry.io/otel/attribute"
	semconv20 "go.opentelemetry.io/otel/semconv/v1.20.0" // want `semconv v1.20.0 is imported here, but this module uses v1.26.0 \(-semconv-version\)$`
	"go.opentelemetry.io/otel/semconv/v1.26.0"
)

// Two versions whose names mean the same: the uses move to the file's
// import of v1.26.0, and the old import goes.
var same = []attribute.KeyValue{semconv20.ServiceNameKey.String("a"), semconv.ServiceNameKey.String("b")}
