package db

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.21.0"
)

// Query are a query's attributes, under keys renamed since v1.21.0.
func Query(name, stmt string) []attribute.KeyValue {
	return []attribute.KeyValue{
		semconv.DBNameKey.String(name),
		semconv.DBStatementKey.String(stmt),
	}
}
