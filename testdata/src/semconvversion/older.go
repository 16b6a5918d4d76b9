package semconvversion

import (
	"go.opentelemetry.io/otel/attribute"
	semconv37 "go.opentelemetry.io/otel/semconv/v1.37.0"
)

// older imports only v1.37.0, whose constant it gets.
var older = []attribute.KeyValue{
	semconv37.ServerAddress("a"),
	attribute.Int("server.port", 1), // want `use semconv37.ServerPortKey \(1 other constant has this value: semconv.ServerPortKey\)$`
}
