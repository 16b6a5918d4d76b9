package configured

import "go.opentelemetry.io/otel/attribute"

func model(name string) attribute.KeyValue {
	return attribute.String("gen_ai.response.model", name) // want `use tracing.GenAIResponseModelKey`
}
