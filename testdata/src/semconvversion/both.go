// Package semconvversion imports two semconv versions: the newest by
// semver is preferred (v1.43.0 sorts before v1.4.0 and v1.37.0 by path,
// not by version), and a file's own import before another's.
package semconvversion

import (
	"go.opentelemetry.io/otel/attribute"
	semconv37 "go.opentelemetry.io/otel/semconv/v1.37.0"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

var both = []attribute.KeyValue{
	semconv37.ServerAddress("a"),
	semconv.ServerAddress("b"),
	attribute.Int("server.port", 1), // want `use semconv.ServerPortKey \(1 other constant has this value: semconv37.ServerPortKey\)$`
}
