// Package db uses semconv v1.21.0.
package db

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.21.0"
)

// Conn are a connection's attributes.
func Conn(host string, port int) []attribute.KeyValue {
	return []attribute.KeyValue{
		semconv.DBSystemPostgreSQL,
		semconv.ServerAddressKey.String(host),
		semconv.ServerPort(port),
		semconv.URLPath("/db"),
	}
}
