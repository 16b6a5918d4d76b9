package pinningtest

import (
	"testing"

	"go.opentelemetry.io/otel/attribute"
)

func TestKeyValues(t *testing.T) {
	tests := []struct {
		got, want attribute.Key
	}{
		{got: ReadBytesKey, want: attribute.Key("http.read_bytes")},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if ReadBytesKey != attribute.Key("http.read_bytes") {
		t.Fatal("ReadBytesKey changed")
	}
}
