package semconvfix

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// clientPort is this file's only use of attribute: the fix rewrites it to
// semconv.ClientPortKey.Int and removes the import it leaves unused.
func clientPort(span trace.Span, port int) {
	span.SetAttributes(attribute.Int("client.port", port)) // want `use semconv.ClientPortKey`
}
