// Package semconvupgradeoff is the same as semconvupgradetwo, checked
// without -semconv-version: nothing is reported for versions alone.
package semconvupgradeoff

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.20.0"
)

var old = []attribute.KeyValue{semconv.ServiceNameKey.String("svc")}
