package metricrules

import (
	"fmt"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/naming"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// Known reports whether name is a semantic-convention metric: a registry
// metric, current or deprecated, or one that some semconv Go package
// defines. Known names are exempt from the hygiene rules; the checks
// against the conventions cover them.
func Known(name string) bool {
	if _, ok := semconvtab.LookupMetric(name); ok {
		return true
	}
	if _, ok := semconvtab.MetricConstFor("", name); ok {
		return true
	}
	return len(semconvtab.MetricTypesFor("", name)) > 0
}

// A DurationFinding is a duration recorded in a unit other than seconds.
type DurationFinding struct {
	Name, Unit string
	ByName     bool // the name says duration; else the unit is one of time
}

// Message is the note: the conventions record durations in seconds.
func (f DurationFinding) Message() string {
	what := "duration"
	if !f.ByName {
		what = "time"
	}
	return fmt.Sprintf("metric %q records a %s in %q: the semantic conventions record durations in seconds (\"s\")", f.Name, what, f.Unit)
}

// CheckDuration reports a duration instrument (a name ending in .duration
// or _duration, or a unit of time) whose unit is not "s". No unit, a unit
// CheckUnit reports, and known metrics (their unit is checked against the
// conventions) are not reported.
func CheckDuration(name, unit string) (DurationFinding, bool) {
	if unit == "" || unit == "s" {
		return DurationFinding{}, false
	}
	byName := name == "duration" || strings.HasSuffix(name, ".duration") || strings.HasSuffix(name, "_duration")
	if !byName && !IsTimeUnit(unit) {
		return DurationFinding{}, false
	}
	if _, bad := CheckUnit(unit); bad || Known(name) {
		return DurationFinding{}, false
	}
	return DurationFinding{Name: name, Unit: unit, ByName: byName}, true
}

// nameUnits are the words that, ending a metric name, write its unit into
// it, with the UCUM unit they stand for ("" for total, the suffix
// Prometheus exporters add to counters).
var nameUnits = map[string]string{
	"ms": "ms", "msec": "ms", "millis": "ms", "milliseconds": "ms",
	"s": "s", "sec": "s", "secs": "s", "seconds": "s",
	"us": "us", "usec": "us", "micros": "us", "microseconds": "us",
	"ns": "ns", "nsec": "ns", "nanos": "ns", "nanoseconds": "ns",
	"minutes": "min", "mins": "min", "hours": "h", "days": "d",
	"bytes": "By", "kb": "kBy", "kilobytes": "kBy", "mb": "MBy", "megabytes": "MBy", "gb": "GBy", "gigabytes": "GBy",
	"kib": "KiBy", "mib": "MiBy", "gib": "GiBy", "bits": "bit",
	"percent": "%", "pct": "%",
	"total": "",
}

// A NameUnitFinding is a unit written into a metric name.
type NameUnitFinding struct {
	Name   string
	Suffix string // the suffix that holds it, as the name would be written by the naming rules: "_ms", ".seconds", "_seconds_total"
	Unit   string // the unit of the last unit word, "ms"; "" when the suffix is only _total
}

// Message is the diagnostic.
func (f NameUnitFinding) Message() string {
	msg := fmt.Sprintf("metric name %q ends in %q: OpenTelemetry's naming guidelines leave units and the _total suffix to the exporter", f.Name, f.Suffix)
	if f.Unit != "" {
		msg += fmt.Sprintf("; drop it and give the unit with metric.WithUnit(%q)", f.Unit)
	}
	return msg
}

// CheckUnitInName reports a metric name that ends in a unit
// (request_duration_ms, latency.seconds, size_bytes) or in _total. Known
// metrics are not reported. The name is read as the naming rules would
// write it, so requestDurationMs ends in _ms too.
func CheckUnitInName(name string) (NameUnitFinding, bool) {
	n := naming.Normalize(name)
	cut, unit, found := len(n), "", false
	for {
		i := strings.LastIndexAny(n[:cut], "._")
		if i <= 0 {
			break
		}
		word := n[i+1 : cut]
		u, ok := nameUnits[word]
		if !ok || word == "total" && n[i] != '_' {
			break
		}
		if !found || unit == "" {
			unit = u // the unit nearest the end that is one: _seconds_total is s
		}
		cut, found = i, true
	}
	if !found || Known(name) {
		return NameUnitFinding{}, false
	}
	return NameUnitFinding{Name: name, Suffix: n[cut:], Unit: unit}, true
}

// A NameFinding is a metric name that breaks the naming rules.
type NameFinding struct {
	Name    string
	Suggest string // a name that follows the rules; "" for the otel namespace
}

// Message is the diagnostic, worded as the attribute-key one.
func (f NameFinding) Message() string {
	if f.Suggest == "" {
		return fmt.Sprintf("metric name %q is in the otel namespace, which OpenTelemetry reserves for its own names: use a namespace of your own", f.Name)
	}
	return fmt.Sprintf("metric name %q breaks the OpenTelemetry naming rules: use lowercase snake_case components separated by dots, e.g. %q", f.Name, f.Suggest)
}

// CheckName applies the attribute naming rules to a metric name: the otel
// namespace is reserved, and components are lowercase snake_case
// separated by dots. Known metrics are exempt.
func CheckName(name string) (NameFinding, bool) {
	otel := naming.InOtelNamespace(name)
	if !otel && naming.Follows(name) || Known(name) {
		return NameFinding{}, false
	}
	if otel {
		return NameFinding{Name: name}, true
	}
	return NameFinding{Name: name, Suggest: naming.Normalize(name)}, true
}
