package analyzer

import (
	"github.com/spanattrlint/spanattrlint/internal/metricrules"
	"github.com/spanattrlint/spanattrlint/internal/rules"
)

// DeprecatedKey reports whether key is an attribute key that the semantic
// conventions deprecated, by the rule the -deprecated check applies
// (keys with no namespace and keys moved to another conventions
// repository are not). spanattrlint gen writes no constant for one: the
// constant would keep the deprecated key alive.
func DeprecatedKey(key string) bool {
	_, ok := rules.Deprecation(key)
	return ok
}

// KeyBreaksNamingRules reports whether the lint reports key as breaking
// OpenTelemetry's naming rules for attribute keys (or taking the otel
// namespace), wherever it is written: spanattrlint gen writes no constant
// for one, since the lint would report the constant's declaration in turn.
func KeyBreaksNamingRules(key string) bool { return rules.NamingAdvice(key) != "" }

// MetricNameBreaksNamingRules reports whether the lint's metric-naming
// check reports name (metricrules.CheckName): spanattrlint gen writes no
// constant for one, whose name would carry the fault (App.Noop would be
// AppNoopName) while the lint still reports the name.
func MetricNameBreaksNamingRules(name string) bool {
	_, bad := metricrules.CheckName(name)
	return bad
}
