package fieldmessages

import (
	"testing"

	"go.opentelemetry.io/otel/attribute"
)

func TestConv(t *testing.T) {
	cases := []attribute.KeyValue{
		attribute.String("key", "v"),   // want `^hard-coded attribute key "key": no constant defines it$`
		attribute.Int("key", 1),        // want `^hard-coded attribute key "key": no constant defines it$`
		attribute.String("foo", "bar"), // want `^hard-coded attribute key "foo": no constant defines it$`
	}
	_ = cases
}
