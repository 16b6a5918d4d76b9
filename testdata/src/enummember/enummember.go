// Package enummember sets enum keys to constant values: members, which a
// fix names by the imported semconv package's member variable, values one
// slip from a member, deprecated members, and values of the project's own.
package enummember

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

func members(span trace.Span, m string) []attribute.KeyValue {
	span.SetAttributes(
		attribute.String("http.request.method", "GET"),                                        // want `^attribute key "http.request.method" set to its enum member "GET": use semconv.HTTPRequestMethodGet$`
		semconv.HTTPRequestMethodKey.String("POST"),                                           // want `^attribute key "http.request.method" set to its enum member "POST": use semconv.HTTPRequestMethodPost$`
		attribute.KeyValue{Key: "db.system.name", Value: attribute.StringValue("postgresql")}, // want `^attribute key "db.system.name" set to its enum member "postgresql": use semconv.DBSystemNamePostgreSQL$`
		attribute.Key("http.request.method").String("_OTHER"),                                 // want `set to its enum member "_OTHER": use semconv.HTTPRequestMethodOther$`
	)
	kv := &attribute.KeyValue{Key: semconv.HTTPRequestMethodKey, Value: attribute.StringValue("PUT")} // want `set to its enum member "PUT": use semconv.HTTPRequestMethodPut$`
	_ = kv
	_ = []*attribute.KeyValue{{Key: semconv.HTTPRequestMethodKey, Value: attribute.StringValue("PUT")}} // pointers: no value site
	return []attribute.KeyValue{
		{Key: semconv.HTTPRequestMethodKey, Value: attribute.StringValue("HEAD")}, // want `set to its enum member "HEAD": use semconv.HTTPRequestMethodHead$`
		// One slip or another case: a hint, no fix.
		semconv.HTTPRequestMethodKey.String("get"),   // want `^attribute key "http.request.method" set to "get", which is no member of its enum: did you mean "GET" \(semconv.HTTPRequestMethodGet\)\?$`
		semconv.HTTPRequestMethodKey.String("POTS"),  // want `set to "POTS", which is no member of its enum: did you mean "POST" \(semconv.HTTPRequestMethodPost\)\?$`
		semconv.HTTPRequestMethodKey.String("DELET"), // want `did you mean "DELETE" \(semconv.HTTPRequestMethodDelete\)\?$`
		semconv.HTTPRequestMethodKey.String("PUX"),   // want `did you mean "PUT" \(semconv.HTTPRequestMethodPut\)\?$`
		// Deprecated members.
		semconv.CPUModeKey.String("kernel"),           // want `^attribute key "cpu.mode" set to "kernel", an enum member deprecated in the semantic conventions: use "system" \(semconv.CPUModeSystem\)$`
		semconv.SystemMemoryStateKey.String("shared"), // want `^attribute key "system.memory.state" set to "shared", an enum member deprecated in the semantic conventions: Removed, report shared memory usage with metric.system.memory.linux.shared metric$`
		// The conventions let users extend an enum.
		semconv.HTTPRequestMethodKey.String("PURGE"),
		semconv.HTTPRequestMethodKey.String("XY"),
		// Not constant.
		semconv.HTTPRequestMethodKey.String(m),
		semconv.HTTPRequestMethodKey.String("GET"), //nolint:spanattrlint
	}
}

// statement calls a constructor for nothing: a variable cannot stand
// there, so the member is named without a fix.
func statement() {
	attribute.String(string(semconv.HTTPRequestMethodKey), "GET") // want `set to its enum member "GET": use semconv.HTTPRequestMethodGet$`
}
