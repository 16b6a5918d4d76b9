// Package enummemberint sets an enum of ints (rpc.grpc.status_code, which
// the registry deprecates; -deprecated=false lets the members speak).
package enummemberint

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
)

var kvs = []attribute.KeyValue{
	attribute.Int("rpc.grpc.status_code", 5),                             // want `^attribute key "rpc.grpc.status_code" set to its enum member 5: use semconv.RPCGRPCStatusCodeNotFound$`
	semconv.RPCGRPCStatusCodeKey.Int64(0),                                // want `set to its enum member 0: use semconv.RPCGRPCStatusCodeOk$`
	{Key: semconv.RPCGRPCStatusCodeKey, Value: attribute.Int64Value(99)}, // not a member: allowed
	semconv.RPCGRPCStatusCodeKey.String("5"),                             // want `^attribute key "rpc.grpc.status_code" is an int in the semantic conventions, set here with semconv.RPCGRPCStatusCodeKey.String: use semconv.RPCGRPCStatusCodeKey.Int$`
}
