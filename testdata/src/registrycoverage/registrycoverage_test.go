package registrycoverage

import (
	"testing"

	"go.opentelemetry.io/otel/attribute"
)

// A test's keys are emitted too (the command analyses tests by default),
// and the package's own files, which its test variant shares, count once.
func TestCartID(t *testing.T) {
	if kv := attribute.String("checkout.cart.id", "c-1"); kv.Key != "checkout.cart.id" {
		t.Fatal(kv.Key)
	}
}
