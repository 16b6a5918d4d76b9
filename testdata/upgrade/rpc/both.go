package rpc

import (
	"go.opentelemetry.io/otel/attribute"
	semconv20 "go.opentelemetry.io/otel/semconv/v1.20.0"
	"go.opentelemetry.io/otel/semconv/v1.24.0"
)

// Both reads two versions' names side by side.
func Both(version string) []attribute.KeyValue {
	return []attribute.KeyValue{
		semconv20.ServiceVersion(version),
		semconv.RPCMethodKey.String("Get"),
		semconv20.EnduserIDKey.String("u"),
	}
}
