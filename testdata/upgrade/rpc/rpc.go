// Package rpc uses semconv v1.24.0, and v1.20.0 beside it in one file.
package rpc

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/semconv/v1.24.0"
)

// Call are a call's attributes.
func Call(service, peer string) []attribute.KeyValue {
	return []attribute.KeyValue{
		semconv.RPCSystemGRPC,
		semconv.RPCServiceKey.String(service),
		semconv.RPCGRPCStatusCodeOk,
		semconv.NetworkPeerAddress(peer),
		semconv.MessagingSystemKafka,
	}
}
