// Package category names the categories of the analyzer's diagnostics
// (analysis.Diagnostic.Category, -json's "category"), each a constant,
// listed once by All with what it reports and the options that govern it:
// the analyzer's doc.go and the README's table of checks are tested
// against that list.
package category

// A Name is the category of a diagnostic.
type Name string

// The categories, one per check.
const (
	HardCoded      Name = "hard-coded"
	Deprecated     Name = "deprecated"
	Misspelled     Name = "misspelled"
	Naming         Name = "naming"
	KeyPrefix      Name = "key-prefix"
	ForbiddenKeys  Name = "forbidden-keys"
	EventStyle     Name = "event-style"
	ValueType      Name = "value-type"
	EnumMember     Name = "enum-member"
	Stability      Name = "stability"
	SemconvVersion Name = "semconv-version"
	SchemaURL      Name = "schema-url"
	Undeclared     Name = "undeclared"

	// Metric instruments (internal/metrics).
	MetricName       Name = "metric-name"
	MetricInstrument Name = "metric-instrument"
	MetricUnit       Name = "metric-unit"
	MetricUCUM       Name = "metric-ucum"
	MetricDuration   Name = "metric-duration"
	MetricUnitInName Name = "metric-unit-in-name"
	MetricNaming     Name = "metric-naming"
	MetricDeprecated Name = "metric-deprecated"
)

// Info describes a category.
type Info struct {
	Name Name
	// Doc says in one line what the category's diagnostics report.
	Doc string
	// Options are the names of the analyzer's options (flags without the
	// dash) that govern the check.
	Options []string
}

// All returns every category, in the order the documentation lists them.
func All() []Info {
	return []Info{
		{HardCoded, "attribute keys, event names and span names written as literals", []string{"span-names", "constants", "key-funcs"}},
		{Deprecated, "keys and enum members the semantic conventions deprecated", []string{"deprecated", "migrate-deprecated"}},
		{Misspelled, "near misses of known keys", []string{"misspelled"}},
		{Naming, "keys that break OpenTelemetry's naming rules", []string{"naming"}},
		{KeyPrefix, "the project's keys outside its namespaces", []string{"key-prefix"}},
		{ForbiddenKeys, "keys that must not be emitted", []string{"forbidden-keys"}},
		{EventStyle, "event names off the chosen case style", []string{"event-style"}},
		{ValueType, "a key set with a value of another type than the conventions', or with two types", []string{"value-types"}},
		{EnumMember, "constant enum values that a semconv member names, or one slip from a member", []string{"enum-members"}},
		{Stability, "semconv keys, enum members, events and metrics below a stability level", []string{"stability"}},
		{SemconvVersion, "imports of a semconv version other than the module's", []string{"semconv-version"}},
		{SchemaURL, "a resource given one version's schema URL and another's attributes, or Merge of two", []string{"schema-url"}},
		{Undeclared, "keys, event names and metric names that the team's Weaver registry does not declare", []string{"registry", "registry-embedded"}},
		{MetricName, "metric instrument names written as literals where a constant holds the same value", []string{"metric-names"}},
		{MetricInstrument, "a semantic-convention metric created with another instrument kind", []string{"metric-conventions"}},
		{MetricUnit, "a semantic-convention metric given another unit, or none", []string{"metric-conventions"}},
		{MetricUCUM, "metric units that are not UCUM as the semantic conventions use it", []string{"metric-ucum"}},
		{MetricDuration, "durations recorded in a unit other than seconds (a note)", []string{"metric-duration"}},
		{MetricUnitInName, "metric names that carry their unit or _total", []string{"metric-unit-in-name"}},
		{MetricNaming, "metric names that break OpenTelemetry's naming rules", []string{"metric-naming"}},
		{MetricDeprecated, "metric names the semantic conventions deprecated", []string{"deprecated", "migrate-deprecated"}},
	}
}
