// Package derived is checked with -constants=example.com/app/internal/derived,
// whose constant takes its value from another module's package: it is
// read from source too.
package derived

import "go.opentelemetry.io/otel/attribute"

// Peer names the peer service.
func Peer(name string) attribute.KeyValue {
	return attribute.String("peer.service", name) // want `hard-coded attribute key "peer.service": use derived.PeerServiceKey` `deprecated`
}
