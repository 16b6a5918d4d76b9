package app

import (
	"testing"

	"go.opentelemetry.io/otel/attribute"
)

func TestRun(t *testing.T) {
	_ = attribute.String("foo", "bar")
	_ = attribute.Int("key1", 1)
	_ = attribute.String("app.tenant", "t") // production's key too: rewritten to the constant
}
