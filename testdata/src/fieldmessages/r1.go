// Package fieldmessages is the repro of issue 19 (messages), found on
// hydra, dskit and otelsql: each message says what is true and useful.
package fieldmessages

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func Handle(ctx context.Context, tracer trace.Tracer, ua string) {
	_, span := tracer.Start(ctx, "handle")
	defer span.End()
	span.SetAttributes(
		attribute.String("http.request.header.X-Request-Id", ua), // want `^attribute key "http.request.header.X-Request-Id" breaks the semantic conventions' rule for http.request.header.<key>: <key> is the HTTP header name in lowercase, e.g. "http.request.header.x-request-id"$` `^attribute key "http.request.header.X-Request-Id" is a string\[\] in the semantic conventions \(http.request.header.<key> is template\[string\[\]\]\), set here with attribute.String: use attribute.StringSlice$` `^hard-coded attribute key "http.request.header.X-Request-Id": no constant defines it$`
		attribute.String("http.header.X-Request-Id", ua),         // want `^attribute key "http.header.X-Request-Id" breaks the OpenTelemetry naming rules: use lowercase snake_case components separated by dots; the semantic conventions record it as http.request.header.<key> or http.response.header.<key>, with <key> the header name in lowercase, e.g. "http.request.header.x-request-id"$` `^hard-coded attribute key "http.header.X-Request-Id": no constant defines it$`
		attribute.String("app.tenant", ua),                       // want `^hard-coded attribute key "app.tenant": no constant defines it$`
	)
	span.AddEvent("done", trace.WithAttributes(attribute.Int("app.count", 1))) // want `^hard-coded event name "done": no constant defines it$` `^hard-coded attribute key "app.count": no constant defines it$`
}
