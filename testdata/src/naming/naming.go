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
		attribute.String("requestID", id),                        // want `hard-coded attribute key "requestID": no constant defines it` `breaks the OpenTelemetry naming rules: .* e.g. "request_id"`
		attribute.String("journey..phase", id),                   // want `no constant defines it` `e.g. "journey.phase"`
		attribute.String("otel.journey", id),                     // want `no constant defines it` `attribute key "otel.journey" is in the otel namespace, which OpenTelemetry reserves`
		attribute.String("otel.status_code", "OK"),               // want `attribute key "otel.status_code" set to its enum member "OK": use semconv.OTelStatusCodeOk \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)$`
		attribute.String("http.request.header.x-request-id", id), // want `hard-coded attribute key "http.request.header.x-request-id": no constant defines it$` `^attribute key "http.request.header.x-request-id" is a string\[\] in the semantic conventions \(http.request.header.<key> is template\[string\[\]\]\), set here with attribute.String: use attribute.StringSlice$`
		attribute.String("journey.queue_wait", id),               // want `no constant defines it$`
		// Initialisms stay whole in the example (hydra, otelsql).
		attribute.String("OAuth2ClientID", id), // want `no constant defines it$` `^attribute key "OAuth2ClientID" breaks the OpenTelemetry naming rules: use lowercase snake_case components separated by dots, e.g. "oauth2_client_id"$`
		attribute.String("IPv4Addr", id),       // want `no constant defines it$` `e.g. "ipv4_addr"$`
		// A template's <key> as the conventions write it: a header name in
		// lowercase, hyphens kept; a label as it is.
		attribute.StringSlice("http.request.header.X-Request-Id", nil), // want `no constant defines it$` `^attribute key "http.request.header.X-Request-Id" breaks the semantic conventions' rule for http.request.header.<key>: <key> is the HTTP header name in lowercase, e.g. "http.request.header.x-request-id"$`
		attribute.StringSlice("rpc.grpc.request.metadata.X-User", nil), // want `no constant defines it$` `^attribute key "rpc.grpc.request.metadata.X-User" breaks the semantic conventions' rule for rpc.grpc.request.metadata.<key>: <key> is the gRPC metadata key in lowercase, e.g. "rpc.grpc.request.metadata.x-user"$`
		attribute.String("k8s.pod.label.App", id),                      // want `no constant defines it$`
		// Not a template: no example that turns the header's hyphens into underscores.
		attribute.StringSlice("http.header.X-Request-Id", nil), // want `no constant defines it$` `^attribute key "http.header.X-Request-Id" breaks the OpenTelemetry naming rules: use lowercase snake_case components separated by dots; the semantic conventions record it as http.request.header.<key> or http.response.header.<key>, with <key> the header name in lowercase, e.g. "http.request.header.x-request-id"$`
		BadKey.String(notAKey),
	)
}
