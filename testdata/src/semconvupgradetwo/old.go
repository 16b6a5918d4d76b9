// Package semconvupgradetwo is checked with -semconv-version=v1.26.0.
package semconvupgradetwo

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.20.0" // want `semconv v1.20.0 is imported here, but this module uses v1.26.0 \(-semconv-version\)$`
)

var old = []attribute.KeyValue{semconv.ServiceNameKey.String("svc")}
