// Package enummemberimport imports semconv in one file; a fix in the
// other adds the import.
package enummemberimport

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
)

var a = []attribute.KeyValue{semconv.ServerPort(1)}
