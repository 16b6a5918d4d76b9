// Package laxgen is hand-written: its doc comment mentions editing, which
// does not make the file generated.
//
// Do not edit the keys below without telling the dashboard team.
package laxgen

import "go.opentelemetry.io/otel/attribute"

const orderID = "app.order_id"

var kv = attribute.String("app.order_id", "v") // want `hard-coded attribute key "app.order_id": use orderID`
