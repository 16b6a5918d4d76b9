package semconvupgrade

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.20.0" // want `no fix: in v1.26.0 HTTPMethod \("http.method"\) is HTTPRequestMethodKey.String \("http.request.method"\), a renamed key that changes the telemetry \(-migrate-deprecated rewrites it\); HTTPTargetKey, NetPeerNameKey have no counterpart in v1.26.0$`
)

// Names with no counterpart in v1.26.0: no fix for the file.
var dropped = []attribute.KeyValue{
	semconv.NetPeerNameKey.String("h"), // want `attribute key "net.peer.name" is deprecated`
	semconv.HTTPTargetKey.String("/"),  // want `attribute key "http.target" is deprecated`
	semconv.HTTPMethod("GET"),
}
