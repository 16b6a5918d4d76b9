package valuetypeproject

import "go.opentelemetry.io/otel/attribute"

func two(s string, hits []string) []attribute.KeyValue {
	return []attribute.KeyValue{
		cacheHit.String(s),                               // want `^attribute key "cache.hit" is set with cacheHit.String \(a string\) here and with cacheHit.Bool \(a bool\) at one.go:11: one key, one type$`
		cacheHit.StringSlice(hits),                       // want `^attribute key "cache.hit" is set with cacheHit.StringSlice \(a \[\]string\) here and with cacheHit.Bool \(a bool\) at one.go:11: one key, one type$`
		{Key: cacheHit, Value: attribute.StringValue(s)}, // want `"cache.hit" is set with attribute.StringValue \(a string\) here and with cacheHit.Bool \(a bool\) at one.go:11`
		cacheHit.String(s),                               //nolint:spanattrlint // suppressed
	}
}
