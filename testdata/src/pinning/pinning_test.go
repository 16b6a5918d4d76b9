package pinning

import (
	"testing"

	"go.opentelemetry.io/otel/attribute"
)

func TestKeys(t *testing.T) {
	for _, tc := range []struct{ got, want attribute.Key }{
		{got: ReadBytesKey, want: attribute.Key("http.read_bytes")},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if ReadBytesKey != attribute.Key("http.read_bytes") {
		t.Error("ReadBytesKey changed")
	}
	kv := attribute.Int64("http.read_bytes", 1) // want `hard-coded attribute key "http.read_bytes": use ReadBytesKey`
	_ = kv
}
