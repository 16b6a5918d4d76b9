package configured

import "go.opentelemetry.io/otel/attribute"

// phase has a parameter named tracing, which shadows the package name here.
func phase(tracing string) attribute.KeyValue {
	return attribute.String("phase", tracing) // want `hard-coded attribute key "phase": use tracing2.JourneyPhase`
}
