// Package coincidental has constants whose values only coincide with keys
// (a query, a metrics label) and constants whose name or use says that
// they name a key. Only the second are named, without a fix, in the
// message of a hard-coded key of the same value.
package coincidental

import "go.opentelemetry.io/otel/attribute"

// Its name says it is a key.
const statusAttr = "status"

// Its use says it is one: the key parameter of a tag constructor.
const regionLabel = "region"

// Its value only coincides with a key: a label value.
const defaultZone = "zone"

type tag struct{ name, value string }

func newTag(key, value string) tag { return tag{key, value} }

var tags = []tag{newTag(regionLabel, "eu"), {defaultZone, "a"}}

func attrs(s string) []attribute.KeyValue {
	return []attribute.KeyValue{
		attribute.String("status", s), // want `^hard-coded attribute key "status": the package's constant statusAttr has this value, but is not declared as a key, so no fix is offered: if it names this attribute key, write statusAttr here \(or type it attribute.Key\)$`
		attribute.String("region", s), // want `^hard-coded attribute key "region": the package's constant regionLabel has this value, but is not declared as a key, so no fix is offered: if it names this attribute key, write regionLabel here \(or type it attribute.Key\)$`
		attribute.String("zone", s),   // want `^hard-coded attribute key "zone": no constant defines it$`
	}
}
