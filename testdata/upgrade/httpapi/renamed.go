package httpapi

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.20.0"
)

// Legacy are attributes whose keys the conventions renamed since v1.20.0.
func Legacy(method string, code int) []attribute.KeyValue {
	return []attribute.KeyValue{
		semconv.HTTPMethodKey.String(method),
		semconv.HTTPStatusCode(code),
	}
}
