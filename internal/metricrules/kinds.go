// Package metricrules holds the pure rules of the metric checks (issue 22):
// which instrument a go.opentelemetry.io/otel/metric.Meter method makes,
// whether a unit is valid UCUM as the semantic conventions use it, and the
// name hygiene rules (a duration not in seconds, a unit written into the
// name, the naming rules). Each rule takes strings and returns a finding or
// nothing; finding the call sites, the constant values and the options is
// the analyzer's work.
package metricrules

import (
	"maps"
	"slices"
)

// A Kind is what an instrument constructor of
// go.opentelemetry.io/otel/metric.Meter makes.
type Kind struct {
	Instrument string // as the conventions name it: "counter", "updowncounter", "histogram" or "gauge"
	Number     string // "int64" or "float64"
	Observable bool   // an asynchronous instrument, observed by callback
}

// meterPath is the import path of the Meter interface.
const meterPath = "go.opentelemetry.io/otel/metric"

// constructors maps the types.Func full names of the instrument
// constructors of go.opentelemetry.io/otel/metric.Meter (checked against
// the interface of the pinned otel/metric by the tests) to what they make.
var constructors = map[string]Kind{
	"(" + meterPath + ".Meter).Int64Counter":                   {"counter", "int64", false},
	"(" + meterPath + ".Meter).Int64UpDownCounter":             {"updowncounter", "int64", false},
	"(" + meterPath + ".Meter).Int64Histogram":                 {"histogram", "int64", false},
	"(" + meterPath + ".Meter).Int64Gauge":                     {"gauge", "int64", false},
	"(" + meterPath + ".Meter).Int64ObservableCounter":         {"counter", "int64", true},
	"(" + meterPath + ".Meter).Int64ObservableUpDownCounter":   {"updowncounter", "int64", true},
	"(" + meterPath + ".Meter).Int64ObservableGauge":           {"gauge", "int64", true},
	"(" + meterPath + ".Meter).Float64Counter":                 {"counter", "float64", false},
	"(" + meterPath + ".Meter).Float64UpDownCounter":           {"updowncounter", "float64", false},
	"(" + meterPath + ".Meter).Float64Histogram":               {"histogram", "float64", false},
	"(" + meterPath + ".Meter).Float64Gauge":                   {"gauge", "float64", false},
	"(" + meterPath + ".Meter).Float64ObservableCounter":       {"counter", "float64", true},
	"(" + meterPath + ".Meter).Float64ObservableUpDownCounter": {"updowncounter", "float64", true},
	"(" + meterPath + ".Meter).Float64ObservableGauge":         {"gauge", "float64", true},
}

// ConstructorKind returns what the Meter method with the types.Func full
// name fullName makes, as "(go.opentelemetry.io/otel/metric.Meter).Int64Counter".
// A call on an implementation of Meter (the SDK's *meter, a noop.Meter, a
// wrapper) is to be mapped by the caller to the interface's method of the
// same name first (types.LookupFieldOrMethod on the interface type), so
// that only the interface's methods are keys here.
func ConstructorKind(fullName string) (Kind, bool) {
	k, ok := constructors[fullName]
	return k, ok
}

// ConstructorNames returns the full names ConstructorKind knows, for a
// caller that wants to prefilter by name before resolving types, sorted.
func ConstructorNames() []string {
	return slices.Sorted(maps.Keys(constructors))
}

// InstrumentOf returns the conventions' instrument kind of the
// go.opentelemetry.io/otel/metric instrument type called typeName
// ("Float64Histogram" -> "histogram"), as semconvtab.MetricName.Kind
// names the type a semconv instrument embeds.
func InstrumentOf(typeName string) (string, bool) {
	k, ok := constructors["("+meterPath+".Meter)."+typeName]
	return k.Instrument, ok
}
