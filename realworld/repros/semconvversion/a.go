// Package semconvversion: the fix picks an old semconv version the file does
// not import over the newer one it does import (seen in otelgrpc's
// internal/parse_test.go).
//
// Expected for b.go: semconv.RPCMethodKey.String(m), with the file's own
// v1.43.0 import and no new import. Actual: it adds
// semconv2 "go.opentelemetry.io/otel/semconv/v1.37.0" and writes
// semconv2.RPCMethodKey.String(m): candidates are ordered by import path as
// a string, so v1.37.0 < v1.43.0 (and v1.4.0 > v1.37.0, v1.10.0 < v1.9.0).
package semconvversion

import (
	"go.opentelemetry.io/otel/attribute"
	oldsemconv "go.opentelemetry.io/otel/semconv/v1.37.0"
)

var Legacy = oldsemconv.RPCSystemKey.String("grpc")

var _ attribute.KeyValue
