package enummember

import (
	"go.opentelemetry.io/otel/attribute"
	sc "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// The fix writes the file's own name for the package.
var aliased = []attribute.KeyValue{
	sc.HTTPRequestMethodKey.String("GET"),           // want `use sc.HTTPRequestMethodGet$`
	attribute.String("http.request.method", "POST"), // want `use sc.HTTPRequestMethodPost$`
}
