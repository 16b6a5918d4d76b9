// Package metrichint: semantic-convention metric names in a package that
// imports no semconv version are named, not fixed: with the ...Name
// constant of the newest semconv version whose constants the module's
// otel ships (v1.31.0 for otel v1.47.0), or, for a metric defined only
// by the newer instrument types, with its type.
package metrichint

import "go.opentelemetry.io/otel/metric"

func hint(m metric.Meter) {
	m.Float64Histogram("http.server.request.duration", metric.WithUnit("s"))            // want `hard-coded metric name "http.server.request.duration": use semconv.HTTPServerRequestDurationName \(import "go.opentelemetry.io/otel/semconv/v1.31.0"\)`
	m.Int64ObservableUpDownCounter("container.filesystem.usage", metric.WithUnit("By")) // want `hard-coded metric name "container.filesystem.usage": the semantic conventions' instrument containerconv.FilesystemUsageObservable \(containerconv.NewFilesystemUsageObservable, import "go.opentelemetry.io/otel/semconv/v1.43.0/containerconv"\) creates it`
	m.Int64UpDownCounter("container.filesystem.usage", metric.WithUnit("By"))           // want `semantic conventions' instrument containerconv.FilesystemUsage \(containerconv.NewFilesystemUsage,`
}
