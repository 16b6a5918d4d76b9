// Package cycle is imported by its constants package.
package cycle

import "go.opentelemetry.io/otel/attribute"

// Name is used by cycleconsts.
const Name = "cycle"

func kv() attribute.KeyValue {
	return attribute.String("cycle.key", "v") // want `hard-coded attribute key "cycle.key": no constant defines it`
}
