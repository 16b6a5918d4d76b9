// Package b is in another module of the workspace than the -constants
// package, which it can import because go.work uses both. It imports it
// already, but uses no constant of it as a key: only -constants offers it.
package b

import (
	"go.opentelemetry.io/otel/attribute"

	"example.com/work/tracing"
)

var users = []string{tracing.UserID}

var KV = attribute.String("user.id_x", "y") // want `hard-coded attribute key "user.id_x": use tracing.UserID$`
