package user

import (
	"go.opentelemetry.io/otel/attribute"

	"example.com/fixmod/broken"
)

var KV = broken.KV

var K2 = attribute.String("app.order_id", "v")
