// Package valuetypeproject sets its own keys: cache.hit with two types,
// in two files, and the others with one.
package valuetypeproject

import "go.opentelemetry.io/otel/attribute"

const cacheHit = attribute.Key("cache.hit")

func one(hit bool, n int) []attribute.KeyValue {
	return []attribute.KeyValue{
		cacheHit.Bool(hit),
		cacheHit.Bool(!hit),
		attribute.Key("cache.size").Int(n),          // want `hard-coded attribute key "cache.size": no constant defines it$`
		attribute.Key("cache.size").Int64(int64(n)), // want `hard-coded attribute key "cache.size": no constant defines it$`
	}
}
