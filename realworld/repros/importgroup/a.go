// Package importgroup: an added import lands in the last group (the
// module's own packages) instead of the group of its kind (seen in
// otelhttp's handler_test.go).
//
// Expected for b.go: semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
// added to the group holding "go.opentelemetry.io/otel/attribute" (the
// group whose paths share the longest prefix with it). Actual: it is
// appended after "example.com/repros/importgroup/local". gofmt-clean and
// builds, but goimports -local would move it.
package importgroup

import semconv "go.opentelemetry.io/otel/semconv/v1.43.0"

var System = semconv.RPCSystemNameKey.String("grpc")
