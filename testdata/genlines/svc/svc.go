// Package svc holds template output, whose //line directive names a
// template outside the module.
package svc

import "go.opentelemetry.io/otel/attribute"

//line /nonexistent/templates/svc.tmpl:100
var KV = attribute.String("svc.order_id", "v")
