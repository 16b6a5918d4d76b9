package enummemberimport

import "go.opentelemetry.io/otel/attribute"

var b = []attribute.KeyValue{
	attribute.String("http.request.method", "GET"), // want `use semconv.HTTPRequestMethodGet$`
	// QUERY is no member in v1.26.0: named from the newest version.
	attribute.String("http.request.method", "QUERY"), // want `hard-coded attribute key` `use semconv.HTTPRequestMethodQuery \(import "go.opentelemetry.io/otel/semconv/v1.43.0"\)$`
}
