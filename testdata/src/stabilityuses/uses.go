// Package stabilityuses only uses semconv helpers and members: no key is
// written in it, yet -stability=stable reports them.
package stabilityuses

import (
	semconv26 "go.opentelemetry.io/otel/semconv/v1.26.0"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

var kvs = semconv.ProcessPID(1) // want `^attribute key "process.pid" is release_candidate in the semantic conventions, below -stability=stable$`

var m = semconv.HTTPRequestMethodQuery // want `^enum member "QUERY" of attribute key "http.request.method" is development`

// rpc.system is deprecated: its members are left to the deprecation.
var old = semconv26.RPCSystemGRPC
