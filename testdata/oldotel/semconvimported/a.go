// Package semconvimported imports semconv v1.24.0 in one file: a key that
// version defines is fixed with it, in the other file too, rather than
// with the newest version the module's otel has.
package semconvimported

import semconv "go.opentelemetry.io/otel/semconv/v1.24.0"

var service = semconv.ServiceName("svc")
