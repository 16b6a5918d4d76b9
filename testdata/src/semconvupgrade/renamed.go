package semconvupgrade

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.20.0" // want `semconv v1.20.0 is imported here, but this module uses v1.26.0 \(-semconv-version\); no fix: in v1.26.0 HTTPMethodKey \("http.method"\) is HTTPRequestMethodKey \("http.request.method"\), HTTPStatusCode \("http.status_code"\) is HTTPResponseStatusCode \("http.response.status_code"\), renamed keys that change the telemetry \(-migrate-deprecated rewrites them\)$`
)

// Renamed keys change the telemetry: without -migrate-deprecated the
// import stays, and the file still builds.
func renamed(method string) []attribute.KeyValue {
	return []attribute.KeyValue{
		semconv.HTTPMethodKey.String(method), // want `attribute key "http.method" is deprecated`
		semconv.HTTPStatusCode(200),
		semconv.ServiceNameKey.String("svc"),
	}
}
