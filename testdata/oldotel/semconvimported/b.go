package semconvimported

import "go.opentelemetry.io/otel/attribute"

var session = attribute.String("session.id", "x") // want `hard-coded attribute key "session.id": use semconv.SessionIDKey$`
