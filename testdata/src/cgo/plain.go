package cgo

import "go.opentelemetry.io/otel/attribute"

// A file of the package that does not import "C".
var plain = attribute.String("app.order_id", "v") // want `use orderID$`
