// Package registrytestmember sets a member of the registry's enum in a
// file of the package's own build, while only a test file declares the
// member's variable: no fix to it there (the build would lack it), one in
// the test file.
package registrytestmember

import "go.opentelemetry.io/otel/attribute"

func status() attribute.KeyValue {
	return attribute.String("shop.order.status", "paid") // want `hard-coded attribute key "shop.order.status"`
}
