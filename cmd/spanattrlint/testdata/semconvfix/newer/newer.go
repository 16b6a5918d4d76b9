// Package newer imports semconv v1.43.0, the newest that the module's otel
// ships, which one package is not most.
package newer

import semconv "go.opentelemetry.io/otel/semconv/v1.43.0"

// Host is the host name attribute.
var Host = semconv.HostName("h")
