// Package semconvfixinuse imports no semconv version: the fix of
// "http.route" imports v1.26.0 (the version most of the module's packages
// import) and uses it as a key, which makes all its string constants
// candidates, as they would be on a second run: the metric name that
// AspnetcoreDiagnosticsExceptionsName holds is fixed in the same run.
package semconvfixinuse

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func handle(span trace.Span, route string) {
	span.SetAttributes(attribute.String("http.route", route)) // want `hard-coded attribute key "http.route": use semconv.HTTPRouteKey \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)$`
	span.AddEvent("aspnetcore.diagnostics.exceptions")        // want `hard-coded event name "aspnetcore.diagnostics.exceptions": use semconv.AspnetcoreDiagnosticsExceptionsName \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)$`
}
