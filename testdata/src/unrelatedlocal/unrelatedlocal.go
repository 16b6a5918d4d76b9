// Package unrelatedlocal has a constant that merely shares a key's value: a
// Prometheus label, not a key. A package's own constant is a candidate when
// it is an attribute.Key, is used as a key or name, or is namespaced; one
// that is none of these is named without a fix only when its name or its
// use says it is a key (localfiltered), so this one is not named at all.
package unrelatedlocal

import "go.opentelemetry.io/otel/attribute"

const allowedLabel = "allowed"

// Labels are Prometheus label names.
var Labels = []string{allowedLabel}

func decision(ok bool) attribute.KeyValue {
	return attribute.Bool("allowed", ok) // want `^hard-coded attribute key "allowed": no constant defines it$`
}
