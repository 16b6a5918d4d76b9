package partial

import "go.opentelemetry.io/otel/attribute"

var KV = attribute.String("app.order_id", "v")
