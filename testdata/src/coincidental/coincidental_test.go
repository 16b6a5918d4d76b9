package coincidental

import (
	"testing"

	"go.opentelemetry.io/otel/attribute"
)

// testQueryString is the query a test runs, not a key (otelsql).
const testQueryString = "query"

func run(q string) string { return q }

func TestQuery(t *testing.T) {
	_ = run(testQueryString)
	want := []attribute.KeyValue{
		attribute.String("query", testQueryString), // want `^hard-coded attribute key "query": no constant defines it$`
	}
	_ = want
}
