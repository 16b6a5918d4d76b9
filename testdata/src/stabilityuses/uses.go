// Package stabilityuses only uses semconv helpers and members: no key is
// written in it, yet -stability=stable reports them.
package stabilityuses

import semconv "go.opentelemetry.io/otel/semconv/v1.43.0"

var kvs = semconv.ProcessPID(1) // want `^attribute key "process.pid" is release_candidate in the semantic conventions, below -stability=stable$`

var m = semconv.HTTPRequestMethodQuery // want `^enum member "QUERY" of attribute key "http.request.method" is development`
