// Package otelpin pins, in its own module, the go.opentelemetry.io/otel
// release whose semconv/vX.Y.Z packages the generator of package
// semconvtab reads (see semconvtab.go). It is a module of its own so that
// spanattrlint's go.mod, which every golangci-lint build with the plugin
// inherits, requires no otel module: nothing of spanattrlint imports one.
// To move to a newer otel, change the version here and run
// "go generate ./internal/semconvtab/".
package otelpin

// metric is pinned with them: internal/metricrules checks its constructor
// table against this release's Meter. The semconv packages import trace, a module of its own, which must be
// at the same release.
import (
	_ "go.opentelemetry.io/otel/attribute"
	_ "go.opentelemetry.io/otel/metric"
	_ "go.opentelemetry.io/otel/trace"
)
