// Package httpapi uses semconv v1.20.0.
package httpapi

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/semconv/v1.20.0"
)

// Attrs are a request's attributes whose names v1.26.0 keeps.
func Attrs(route string) []attribute.KeyValue {
	return []attribute.KeyValue{
		semconv.ServiceName("api"),
		semconv.HTTPRouteKey.String(route),
		semconv.TelemetrySDKLanguageGo,
	}
}
