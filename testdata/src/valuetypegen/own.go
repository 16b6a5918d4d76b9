package valuetypegen

import "go.opentelemetry.io/otel/attribute"

const jobDone = attribute.Key("job.done")

var own = []attribute.KeyValue{
	jobDone.String("yes"), // want `^attribute key "job.done" is set with jobDone.String \(a string\) here and with attribute.Bool \(a bool\) at gen.go:18: one key, one type$`
}
