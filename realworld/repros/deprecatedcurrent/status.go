// Package deprecatedcurrent: a key that is current in the newest semconv Go
// package (v1.43.0, which the fix itself suggests) is reported as
// deprecated, because the deprecation table comes from the unreleased
// registry (v1.44.0 plus 22 commits), where it was renamed (seen in
// otelgrpc: "rpc.response.status_code", 4 times).
//
// Expected: one message, "use semconv.RPCResponseStatusCodeKey"; or a
// deprecation message that says the rename is not in any released semconv
// Go package yet. Actual, on the same literal: "hard-coded attribute key
// "rpc.response.status_code": use semconv.RPCResponseStatusCodeKey" and
// "attribute key "rpc.response.status_code" is deprecated in the semantic
// conventions: renamed to "rpc.status_code"" (no constant exists for it).
package deprecatedcurrent

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

var Method = semconv.RPCMethodKey

func Status(code string) attribute.KeyValue {
	return attribute.String("rpc.response.status_code", code)
}
