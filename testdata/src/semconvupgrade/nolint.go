package semconvupgrade

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.20.0" //nolint:spanattrlint // kept on purpose
)

// A //nolint directive on the import silences the report.
var kept = []attribute.KeyValue{semconv.ServiceNameKey.String("svc")}
