// Package stability uses keys, enum members and events of every
// stability level, checked with -stability=stable.
package stability

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

func spans(span trace.Span, q string) {
	span.SetAttributes(
		attribute.String("db.query.text", q), // want `hard-coded attribute key "db.query.text"`
		attribute.Int("process.pid", 1),      // want `hard-coded attribute key "process.pid"` `^attribute key "process.pid" is release_candidate in the semantic conventions, below -stability=stable$`
		semconv.ProcessPIDKey.Int(1),         // want `^attribute key "process.pid" is release_candidate in the semantic conventions, below -stability=stable$`
		semconv.ProcessPID(1),                // want `^attribute key "process.pid" is release_candidate in the semantic conventions, below -stability=stable$`
		semconv.DBQueryText(q),
		semconv.HTTPRequestMethodGet,
		semconv.HTTPRequestMethodQuery,               // want `^enum member "QUERY" of attribute key "http.request.method" is development in the semantic conventions, below -stability=stable$`
		semconv.HTTPRequestMethodKey.String("QUERY"), // want `enum member "QUERY" of attribute key "http.request.method" is development` `set to its enum member "QUERY": use semconv.HTTPRequestMethodQuery$`
		semconv.CPUModeUser,                          // want `^attribute key "cpu.mode" is release_candidate in the semantic conventions, below -stability=stable$`
		attribute.String("http.request.header.x", q), // want `hard-coded attribute key` `is a string\[\] in the semantic conventions`
		attribute.String("k8s.pod.label.app", q),     // want `hard-coded attribute key`
		attribute.String("app.own.key", q),           // want `hard-coded attribute key`
		semconv.ProcessPIDKey.Int(2),                 //nolint:spanattrlint
	)
	span.AddEvent("feature_flag.evaluation") // want `hard-coded event name "feature_flag.evaluation": no constant defines it$` `^event name "feature_flag.evaluation" is release_candidate in the semantic conventions, below -stability=stable$`
	span.AddEvent(semconv.ExceptionEventName)
	span.AddEvent("exception") // want `hard-coded event name "exception": use semconv.ExceptionEventName$`
}
