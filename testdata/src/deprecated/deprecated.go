// Package deprecated writes keys that the semantic conventions retired, in
// every place a key value can be written.
package deprecated

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.20.0"
	"go.opentelemetry.io/otel/trace"
)

// AttrMethod is a project constant that still holds a retired key.
const AttrMethod = "http.method" // want `attribute key "http.method" is deprecated in the semantic conventions: renamed to "http.request.method" \(semconv.HTTPRequestMethodKey\)`

// peerName is reported with the registry's note: it has no single successor.
const peerName = attribute.Key("net.peer.name") // want `attribute key "net.peer.name" is deprecated in the semantic conventions: Replaced by server.address on client spans and client.address on server spans.$`

func handle(span trace.Span, m string) {
	span.SetAttributes(
		attribute.String("db.system", "postgresql"), // want `hard-coded attribute key "db.system": use semconv.DBSystemKey$` `attribute key "db.system" is deprecated in the semantic conventions: renamed to "db.system.name" \(semconv.DBSystemNameKey\)$`
		semconv.HTTPMethodKey.String(m),             // want `attribute key "http.method" is deprecated in the semantic conventions: renamed to "http.request.method" \(semconv.HTTPRequestMethodKey\)`
		attribute.String(AttrMethod, m),             // a named constant: reported where it is declared
		peerName.String("db.internal"),
		attribute.String("state", "ready"), // want `hard-coded attribute key "state": no constant defines it$`
		// The registry copy deprecates it, but the newest Go semconv still
		// defines it, with no successor: no deprecation.
		attribute.Int("rpc.response.status_code", 0), // want `hard-coded attribute key "rpc.response.status_code": use semconv.RPCResponseStatusCodeKey \(import "go.opentelemetry.io/otel/semconv/v1.43.0"\)$` `attribute key "rpc.response.status_code" is a string in the semantic conventions, set here with attribute.Int: use attribute.String`
	)
}
