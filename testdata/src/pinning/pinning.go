// Package pinning's tests pin its constants' values with literals, which
// must stay literals: the fix would compare each constant with itself.
package pinning

import "go.opentelemetry.io/otel/attribute"

// ReadBytesKey is the key of the bytes read.
const ReadBytesKey = attribute.Key("http.read_bytes")
