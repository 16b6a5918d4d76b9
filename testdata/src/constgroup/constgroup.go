// Package constgroup is a tracing package: a constant declared in one
// const group with keys is a key too, though its value has no namespace.
package constgroup

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// Journey event attributes.
const (
	JourneyEventType = "event.type"
	JourneyPhase     = "phase"
)

// Metric labels, in a group of their own with no key among them.
const (
	labelAllowed = "allowed"
	labelCode    = "code"
)

// A key and a metric label in one group (openfga's server.go): the
// label, used as a label, is no key.
const (
	modelIDKey   = "authorization_model_id"
	grantedLabel = "granted"
)

var metricLabels = map[string]string{grantedLabel: "true"}

func record(span trace.Span, p string) {
	span.SetAttributes(
		attribute.String("phase", p),      // want `hard-coded attribute key "phase": use JourneyPhase$`
		attribute.String("event.type", p), // want `hard-coded attribute key "event.type": use JourneyEventType$`
		attribute.String("allowed", p),    // want `^hard-coded attribute key "allowed": no constant defines it$`
		attribute.String(modelIDKey, p),
		attribute.String("granted", p),          // want `^hard-coded attribute key "granted": no constant defines it$`
		attribute.String("constgroup.fresh", p), // want `hard-coded attribute key "constgroup.fresh": no constant defines it`
	)
}
