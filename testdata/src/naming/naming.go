// Package naming writes keys that break OpenTelemetry's naming rules.
package naming

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// BadKey is declared against the rules.
const BadKey = attribute.Key("Journey.Phase") // want `attribute key "Journey.Phase" breaks the OpenTelemetry naming rules: use lowercase snake_case components separated by dots, e.g. "journey.phase"`

// notAKey is not used as a key, so its value is nobody's business.
const notAKey = "Not A Key"

func record(span trace.Span, id string) {
	span.SetAttributes(
		attribute.String("requestID", id),            // want `hard-coded attribute key "requestID": no constant defines it` `breaks the OpenTelemetry naming rules: .* e.g. "request_id"`
		attribute.String("journey..phase", id),       // want `no constant defines it` `e.g. "journey.phase"`
		attribute.String("otel.journey", id),         // want `no constant defines it` `attribute key "otel.journey" is in the otel namespace, which OpenTelemetry reserves`
		attribute.String("otel.status_code", "OK"),   // want `attribute key "otel.status_code" set to its enum member "OK": use semconv.OTelStatusCodeOk \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)$`
		attribute.String("http.request.header.x-request-id", id), // want `hard-coded attribute key "http.request.header.x-request-id": no constant defines it$` `attribute key "http.request.header.x-request-id" is a string\[\] in the semantic conventions, set here with attribute.String: use attribute.StringSlice`
		attribute.String("journey.queue_wait", id),   // want `no constant defines it$`
		BadKey.String(notAKey),
	)
}
