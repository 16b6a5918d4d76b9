package valuetypetests

import (
	"testing"

	"go.opentelemetry.io/otel/attribute"
)

// A test table builds one key with several types on purpose, and sets a
// production key with another type than production code does.
func TestAttrs(t *testing.T) {
	cases := []attribute.KeyValue{
		attribute.String("valuetypetests.key", "v"), // want `hard-coded attribute key "valuetypetests.key": no constant defines it$`
		attribute.Int("valuetypetests.key", 1),      // want `hard-coded attribute key "valuetypetests.key": no constant defines it$`
		attribute.Bool("valuetypetests.key", true),  // want `hard-coded attribute key "valuetypetests.key": no constant defines it$`
		jobState.Int(3), // nor across a test and a production file
	}
	_ = cases
}
