// Package valuetypetests sets its own keys in production code and in a
// test: "one key, one type" holds in production code, where it names the
// setters written and the Go types they take, and not in _test.go files,
// whose tables build one key with several types on purpose.
package valuetypetests

import "go.opentelemetry.io/otel/attribute"

const (
	jobState = attribute.Key("job.state")
	jobSizes = attribute.Key("job.sizes")
)

func attrs(state string, sizes []int64, n int64) []attribute.KeyValue {
	return []attribute.KeyValue{
		jobState.String(state),
		jobSizes.Int64Slice(sizes),
		jobSizes.Int64(n), // want `^attribute key "job.sizes" is set with jobSizes.Int64 \(an int64\) here and with jobSizes.Int64Slice \(a \[\]int64\) at job.go:17: one key, one type$`
		attribute.KeyValue{Key: jobSizes, Value: attribute.StringValue("x")}, // want `^attribute key "job.sizes" is set with attribute.StringValue \(a string\) here and with jobSizes.Int64Slice \(a \[\]int64\) at job.go:17: one key, one type$`
	}
}
