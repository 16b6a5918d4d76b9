// Package derived defines its keys from a semconv version that the
// packages using it do not import.
package derived

import semconv "go.opentelemetry.io/otel/semconv/v1.26.0"

// PeerServiceKey is semconv's, as a string.
const PeerServiceKey = string(semconv.PeerServiceKey)
