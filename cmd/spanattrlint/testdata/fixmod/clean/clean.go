package clean

import (
	"go.opentelemetry.io/otel/attribute"

	"example.com/fixmod/tracing"
)

var KV = attribute.String(tracing.OrderID, "v")
