// Package attribute looks like OpenTelemetry's but is not.
package attribute

// KV is a key and a value.
type KV struct{ K, V string }

// String is not go.opentelemetry.io/otel/attribute.String.
func String(k, v string) KV { return KV{k, v} }
