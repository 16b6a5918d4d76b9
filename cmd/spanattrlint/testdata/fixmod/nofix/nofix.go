package nofix

import (
	"go.opentelemetry.io/otel/attribute"

	"example.com/fixmod/tracing"
)

var KV = attribute.String(tracing.OrderID, "v")

// No constant has this value: a finding without a fix.
var Other = attribute.String("app.unknown_key", "v")

var Fixable = attribute.Int("app.qty", 1)
