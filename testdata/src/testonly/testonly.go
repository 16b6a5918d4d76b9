// Package testonly declares a constant only in a _test.go file: it is no
// candidate for the package's other files, which build without it.
package testonly

import "go.opentelemetry.io/otel/attribute"

// KV tags a user.
func KV(v string) attribute.KeyValue {
	return attribute.String("user.id", v) // want `hard-coded attribute key "user.id": use semconv.UserIDKey \(import "go.opentelemetry.io/otel/semconv/v1.43.0"\)$`
}
