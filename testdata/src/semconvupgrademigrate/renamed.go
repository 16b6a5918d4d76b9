// Package semconvupgrademigrate is checked with -semconv-version=v1.26.0
// and -migrate-deprecated: renamed keys are rewritten with the import.
package semconvupgrademigrate

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.20.0" // want `semconv v1.20.0 is imported here, but this module uses v1.26.0 \(-semconv-version\)$`
)

func renamed(method, url string) []attribute.KeyValue {
	return []attribute.KeyValue{
		semconv.HTTPMethodKey.String(method), // want `attribute key "http.method" is deprecated`
		semconv.HTTPStatusCode(200),
		semconv.HTTPMethod(method),     // a helper v1.26.0 lacks: the new key's method
		semconv.HTTPURLKey.String(url), // want `attribute key "http.url" is deprecated`
		semconv.ServiceNameKey.String("svc"),
	}
}
