// Package vardef defines keys with package variables rather than
// constants (hydra, dskit): such a variable is the key's definition, to
// declare as a constant, not a hard-coded key that no constant defines.
package vardef

import "go.opentelemetry.io/otel/attribute"

// A key defined as a package variable: const for var is the fix.
var connectionStatusKey = attribute.Key("vardef.status") // want `^attribute key "vardef.status" is defined by the package variable connectionStatusKey: declare it as a constant$`

// Another use of its value uses it.
var other = attribute.String("vardef.status", "up") // want `^hard-coded attribute key "vardef.status": use connectionStatusKey, the package variable that defines it \(and declare it as a constant\)$`

// Exported: another package may assign it.
var RetryKey = attribute.Key("vardef.retry") // want `^attribute key "vardef.retry" is defined by the package variable RetryKey: declare it as a constant \(no fix: it is exported, and another package may assign it\)$`

// Assigned by the package: another use of its value is told what to do.
var modeKey = attribute.Key("vardef.mode") // want `^attribute key "vardef.mode" is defined by the package variable modeKey: declare it as a constant \(no fix: it is assigned or its address taken at vardef.go:\d+\)$`

func setMode() { modeKey = "vardef.other_mode" }

var mode = attribute.String("vardef.mode", "m") // want `^hard-coded attribute key "vardef.mode": the package variable modeKey defines it; declared as a constant, it would be used here \(no fix: it is assigned or its address taken at vardef.go:20\)$`

// Its address taken by a test.
var phaseKey = attribute.Key("vardef.phase") // want `^attribute key "vardef.phase" is defined by the package variable phaseKey: declare it as a constant \(no fix: it is assigned or its address taken at vardef_test.go:6\)$`

// Two variables in one declaration.
var (
	aKey = attribute.Key("vardef.a") // want `^attribute key "vardef.a" is defined by the package variable aKey: declare it as a constant \(no fix: its declaration declares other variables\)$`
	bKey = attribute.Key("vardef.b") // want `^attribute key "vardef.b" is defined by the package variable bKey: declare it as a constant \(no fix: its declaration declares other variables\)$`
)

// A constant defines the key already: the variable uses it.
const RegionKey = attribute.Key("vardef.region")

var regionKey = attribute.Key("vardef.region") // want `^hard-coded attribute key "vardef.region": use RegionKey$`

func attrs() []attribute.KeyValue {
	return []attribute.KeyValue{
		connectionStatusKey.String("up"), RetryKey.Int(1), modeKey.String("m"), phaseKey.String("p"),
		aKey.Bool(true), bKey.Bool(false), regionKey.String("eu"), other, mode,
	}
}
