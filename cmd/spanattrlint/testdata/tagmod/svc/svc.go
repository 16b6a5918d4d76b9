// Package svc writes keys as literals and does not import consts, so the
// analyzer reads consts from source (-constants).
package svc

import "go.opentelemetry.io/otel/attribute"

var KVs = []attribute.KeyValue{
	attribute.String("app.plain", "v"),
	attribute.String("app.tagged_only", "v"),
}
