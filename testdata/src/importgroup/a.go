package importgroup

import semconv "go.opentelemetry.io/otel/semconv/v1.40.0"

var _ = semconv.ServerPortKey
