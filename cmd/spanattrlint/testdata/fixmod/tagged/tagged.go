//go:build integration

package tagged

import "go.opentelemetry.io/otel/attribute"

var KV = attribute.String("app.tagged", "v")
