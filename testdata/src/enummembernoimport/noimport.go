// Package enummembernoimport imports no semconv package: a member is
// fixed with an import of the version that a fix of the key would import
// (semconvfix.go), which its whole expression replaces; a value that is
// no member keeps the key's fix.
package enummembernoimport

import "go.opentelemetry.io/otel/attribute"

var kvs = []attribute.KeyValue{
	attribute.String("http.request.method", "GET"), // want `^attribute key "http.request.method" set to its enum member "GET": use semconv.HTTPRequestMethodGet \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)$`
	attribute.String("http.request.method", "get"), // want `hard-coded attribute key "http.request.method"` `did you mean "GET" \(semconv.HTTPRequestMethodGet\)\?$`
}
