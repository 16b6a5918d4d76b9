package semconvupgradetwo

import (
	"go.opentelemetry.io/otel/attribute"
	semconv20 "go.opentelemetry.io/otel/semconv/v1.20.0" // want `no fix: in v1.26.0 HTTPMethodKey \("http.method"\) is HTTPRequestMethodKey \("http.request.method"\), a renamed key that changes the telemetry \(-migrate-deprecated rewrites it\)$`
	"go.opentelemetry.io/otel/semconv/v1.26.0"
)

// Reading the old and the new name of a renamed key side by side.
func both(m string) []attribute.KeyValue {
	return []attribute.KeyValue{
		semconv20.HTTPMethodKey.String(m), // want `attribute key "http.method" is deprecated`
		semconv.HTTPRequestMethodKey.String(m),
	}
}
