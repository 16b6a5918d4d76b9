// Package check holds the rules of the checks that judge what a key or
// name says, one file per family, each a function of the value and the
// settings it needs, returning the message or "" and touching no other
// check's result:
//
//   - naming.go: OpenTelemetry's naming rules and the semantic
//     conventions' templates (naming), and the project's own rules:
//     -key-prefix (key-prefix), -forbidden-keys (forbidden-keys),
//     -event-style (event-style);
//   - deprecated.go: keys the semantic conventions retired (deprecated);
//   - misspelled.go: near misses of known keys (misspelled).
//
// The analyzer decides where each applies (a hard-coded key, a constant's
// value, a value site) and reports.
package check
