// Package metrichint: semantic-convention metric names in a package that
// imports no semconv version are fixed with the ...Name constant of the
// semconv version the module uses (v1.26.0, which most of the module's
// packages import), adding the import; a metric defined only by the newer
// instrument types is named with its type, not fixed.
package metrichint

import "go.opentelemetry.io/otel/metric"

func hint(m metric.Meter) {
	m.Float64Histogram("http.server.request.duration", metric.WithUnit("s"))            // want `hard-coded metric name "http.server.request.duration": use semconv.HTTPServerRequestDurationName \(import "go.opentelemetry.io/otel/semconv/v1.26.0"\)$`
	m.Int64ObservableUpDownCounter("container.filesystem.usage", metric.WithUnit("By")) // want `hard-coded metric name "container.filesystem.usage": the semantic conventions' instrument containerconv.FilesystemUsageObservable \(containerconv.NewFilesystemUsageObservable, import "go.opentelemetry.io/otel/semconv/v1.43.0/containerconv"\) creates it`
	m.Int64UpDownCounter("container.filesystem.usage", metric.WithUnit("By"))           // want `semantic conventions' instrument containerconv.FilesystemUsage \(containerconv.NewFilesystemUsage,`
}
