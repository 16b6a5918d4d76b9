package testonly

import (
	"testing"

	"go.opentelemetry.io/otel/attribute"
)

const wantKey = "user.id"

func TestKV(t *testing.T) {
	if got := KV("u"); got != attribute.String("user.id", "u") { // want `hard-coded attribute key "user.id": use wantKey`
		t.Errorf("KV = %v", got)
	}
}
