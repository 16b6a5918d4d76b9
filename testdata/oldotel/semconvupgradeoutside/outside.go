// Package semconvupgradeoutside is checked with -semconv-version=v1.43.0,
// which the module's go.opentelemetry.io/otel v1.28.0 does not ship: the
// import is reported, with no fix.
package semconvupgradeoutside

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/semconv/v1.20.0" // want `semconv v1.20.0 is imported here, but this module uses v1.43.0 \(-semconv-version\); no fix: go.opentelemetry.io/otel v1.28.0, which the module requires, has no semconv v1.43.0 \(it needs otel v1.45.0 or newer\)$`
)

var outside = []attribute.KeyValue{semconv.ServiceNameKey.String("svc")}
