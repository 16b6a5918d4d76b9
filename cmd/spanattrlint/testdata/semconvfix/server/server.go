// Package server imports semconv v1.26.0, as metrics does.
package server

import (
	"go.opentelemetry.io/otel/attribute"

	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
)

// Port is the server's port attribute.
func Port(p int) attribute.KeyValue { return semconv.ServerPortKey.Int(p) }
