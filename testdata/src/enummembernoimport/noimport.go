// Package enummembernoimport imports no semconv package: members are
// named, not fixed, and the key keeps its own fix.
package enummembernoimport

import "go.opentelemetry.io/otel/attribute"

var kvs = []attribute.KeyValue{
	attribute.String("http.request.method", "GET"), // want `hard-coded attribute key "http.request.method"` `^attribute key "http.request.method" set to its enum member "GET": use semconv.HTTPRequestMethodGet \(import "go.opentelemetry.io/otel/semconv/v1.43.0"\)$`
	attribute.String("http.request.method", "get"), // want `hard-coded attribute key "http.request.method"` `did you mean "GET" \(semconv.HTTPRequestMethodGet\)\?$`
}
