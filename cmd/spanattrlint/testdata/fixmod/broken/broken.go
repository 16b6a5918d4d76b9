package broken

import "go.opentelemetry.io/otel/attribute"

var KV = attribute.String("app.order_id", 42)
