// Package metricnames: hard-coded metric names where a constant of the
// same value exists, fixed to it.
package metricnames

import (
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
)

const jobsName = "app.jobs"

type label string

const typedName label = "app.typed"

func names(m metric.Meter) {
	m.Int64Counter("app.jobs", metric.WithUnit("{job}"))                     // want `hard-coded metric name "app.jobs": use jobsName`
	m.Int64Counter("app." + "jobs")                                          // want `hard-coded metric name "app.jobs": use jobsName`
	m.Float64Histogram("http.server.request.duration", metric.WithUnit("s")) // want `hard-coded metric name "http.server.request.duration": use semconv.HTTPServerRequestDurationName`
	m.Float64Histogram("db.client.operation.duration", metric.WithUnit("s")) // want `hard-coded metric name "db.client.operation.duration": use semconv.DBClientOperationDurationName`
	m.Int64Counter(jobsName)
	m.Int64Counter(semconv.HTTPServerActiveRequestsName) // want `unexpected instrument: "http.server.active_requests" is an updowncounter` `created without a unit`
	m.Int64Counter("app.typed")                          // a constant of a named string type is no string: no fix
	m.Int64Counter("app.test_only")                      // only a test file declares a constant of this value
	m.Int64Counter("app.other")                          // no constant holds it: its literal is its definition
}

func shadowed(m metric.Meter) {
	jobsName := "local"
	_ = jobsName
	m.Int64Counter("app.jobs") // want `hard-coded metric name "app.jobs": the package's constant jobsName has this value, but a local name hides it here`
}
