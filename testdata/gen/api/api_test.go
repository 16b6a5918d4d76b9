package api_test

import (
	"slices"
	"testing"

	"go.opentelemetry.io/otel/attribute"

	"example.com/genapp/api"
)

func TestAttrs(t *testing.T) {
	var got []string
	for _, kv := range append(api.Attrs("/v1/chat"), attribute.String("test.suite", "api")) {
		got = append(got, string(kv.Key))
	}
	if want := []string{"http.route", "api.version", "test.suite"}; !slices.Equal(got, want) {
		t.Errorf("keys %q, want %q", got, want)
	}
}
