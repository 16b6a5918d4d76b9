package tracing

import "go.opentelemetry.io/otel/attribute"

const (
	OrderID     = "app.order_id"
	Qty         = "app.qty"
	EventPlaced = "order.PLACED"
)

const TypedKey attribute.Key = "app.typed_key"

var _ = attribute.String(string(TypedKey), "") // used as a key: zero-config source
