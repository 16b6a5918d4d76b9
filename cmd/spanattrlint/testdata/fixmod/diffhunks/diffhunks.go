package diffhunks

import (
	"go.opentelemetry.io/otel/attribute"

	"example.com/fixmod/tracing"
)

var _ = tracing.OrderID

var A = attribute.String("app.order_id", "v")
var x1 = 1
var x2 = 2
var A2 = attribute.String("app.order_id", "v")

// 1
// 2
// 3
// 4
// 5
// 6
// 7
// 8

var B = attribute.Int("app.qty", 1)
