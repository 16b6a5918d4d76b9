// Package keys is a -constants package in the style of jaeger's
// internal/telemetry/otelsemconv: some constants are literals, some are
// derived from a semconv constant.
package keys

import semconv "go.opentelemetry.io/otel/semconv/v1.37.0"

const (
	PeerServiceKey = string(semconv.PeerServiceKey) // "peer.service"
	OtelStatusCode = "otel.status_code"
)
