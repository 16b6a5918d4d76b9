// Package rules holds what a key or name says, whatever the check that
// asks: one file per family, each a function of the value and the
// settings it needs, returning the message or "":
//
//   - naming.go: OpenTelemetry's naming rules and the semantic
//     conventions' templates, and the project's own rules (-key-prefix,
//     -forbidden-keys, -event-style);
//   - deprecated.go: keys the semantic conventions retired;
//   - misspelled.go: near misses of known keys.
//
// The value checks (internal/check) and the semconv phase
// (internal/semconv) apply them where they see a key.
package rules
