package semconvupgrademigrate

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.20.0" // want `no fix: NetPeerNameKey has no counterpart in v1.26.0$`
)

// A key the conventions replaced by two (not renamed) has no counterpart,
// even with -migrate-deprecated: no fix for the file, and the renamed key
// beside it is migrated by the deprecation fix alone.
var dropped = []attribute.KeyValue{
	semconv.NetPeerNameKey.String("h"),  // want `attribute key "net.peer.name" is deprecated`
	semconv.HTTPMethodKey.String("GET"), // want `attribute key "http.method" is deprecated`
}
