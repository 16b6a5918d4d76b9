// Package pinningtest: a test that pins a constant's value by comparing it
// with the literal is made tautological (seen in otelhttp's common_test.go:
// {got: ReadBytesKey, want: attribute.Key("http.read_bytes")}).
//
// Expected: no finding where the literal is compared with (or sits in the
// same composite literal or call as) the very constant the fix would
// write. Actual: want: ReadBytesKey and ReadBytesKey != ReadBytesKey, so
// the test no longer catches a change of the constant's value.
package pinningtest

import "go.opentelemetry.io/otel/attribute"

// ReadBytesKey is part of the package's API: its value must not change.
const ReadBytesKey = attribute.Key("http.read_bytes")
