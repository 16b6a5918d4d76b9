// Package semconvolder imports semconv v1.20.0, which has no session.id:
// the hint names the newest version of the module's otel that has it.
package semconvolder

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.20.0"
)

var attrs = []attribute.KeyValue{
	semconv.ServiceName("svc"),
	attribute.String("session.id", "x"), // want `hard-coded attribute key "session.id": use semconv.SessionIDKey \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)$`
}
