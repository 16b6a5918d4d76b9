package importgroup

import (
	"fmt"

	"go.opentelemetry.io/otel/attribute"

	"example.com/repros/importgroup/local"
)

func Method(m string) attribute.KeyValue {
	return attribute.String("rpc.method", fmt.Sprint(m, local.Name))
}
