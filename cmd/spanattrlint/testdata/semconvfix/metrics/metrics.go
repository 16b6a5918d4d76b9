// Package metrics imports semconv v1.26.0, as server does: the version
// that most of the module's packages import, which svc's fix imports.
package metrics

import semconv "go.opentelemetry.io/otel/semconv/v1.26.0"

// Service is the service's name attribute.
var Service = semconv.ServiceName("svc")
