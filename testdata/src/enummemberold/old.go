// Package enummemberold uses member variables of an older semconv
// version whose members the conventions have since deprecated.
package enummemberold

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.27.0"
)

var kvs = []attribute.KeyValue{
	semconv.CPUModeKernel, // want `^attribute key "cpu.mode" set to "kernel", an enum member deprecated in the semantic conventions: use "system" \(semconv.CPUModeSystem\)$`
	semconv.CPUModeUser,
	semconv.CPUModeKernel, //nolint:spanattrlint
}
