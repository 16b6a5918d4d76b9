package hintingraph_test

import (
	"testing"

	"go.opentelemetry.io/otel/attribute"

	"example.com/repros/hintingraph"
)

func TestMethod(t *testing.T) {
	if hintingraph.Method != attribute.Key("rpc.method") {
		t.Fatal(hintingraph.Method)
	}
}
