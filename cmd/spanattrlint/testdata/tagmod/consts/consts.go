// Package consts names the module's keys; one of them is declared in a
// file built only with -tags=integration.
package consts

import "go.opentelemetry.io/otel/attribute"

// PlainKey is declared in every build.
const PlainKey attribute.Key = "app.plain"
