package semconvupgradetwo

import (
	"go.opentelemetry.io/otel/attribute"
	semconv20 "go.opentelemetry.io/otel/semconv/v1.20.0" // want `semconv v1.20.0 is imported here, but this module uses v1.26.0 \(-semconv-version\); the fix of the import on line 6 moves it too$`
	"go.opentelemetry.io/otel/semconv/v1.24.0"           // want `semconv v1.24.0 is imported here, but this module uses v1.26.0 \(-semconv-version\)$`
)

// Two old versions in one file become one import of the target, the one
// without a name of its own, whose name the other's uses take.
var several = []attribute.KeyValue{semconv20.ServiceVersion("1"), semconv.RPCMethodKey.String("Get")}
