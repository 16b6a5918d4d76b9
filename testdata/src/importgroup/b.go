// Package importgroup: the new import never joins the standard library's
// group.
package importgroup

import (
	"fmt"

	"go.opentelemetry.io/otel/attribute"
)

// The attribute group goes and the semconv import, which sorts after it,
// gets a group of its own after the standard library's.
func Attr(p int) fmt.Stringer {
	kv := attribute.Int("server.port", p) // want `use semconv.ServerPortKey`
	return kv.Value
}
