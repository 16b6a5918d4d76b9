package semconvtab

import (
	"slices"
	"strings"

	"golang.org/x/mod/semver"
)

// Metric facts: the registry's metrics (metrics_gen.go, made from
// registry/metrics.tsv), and what Go code can name them with in each
// semconv version: the XName and XUnit constants of semconv/v1.24.0 to
// v1.31.0, and the instrument types of the .../xxxconv packages from
// semconv/v1.32.0 on, each from the first otel release that ships them
// (registry/otel-metric-releases.tsv; semconv/v1.24.0 shipped in otel
// v1.22.0 but its metric constants only in v1.25.0).

// A Metric is a registry metric.
type Metric struct {
	Name       string // "http.server.request.duration"
	Instrument string // "counter", "gauge", "histogram" or "updowncounter"
	Unit       string // "s", "By", "{request}"
	Stability  string
	Deprecated bool // the registry gives no replacement for deprecated metrics
}

// LookupMetric returns the registry metric called name, current or
// deprecated.
func LookupMetric(name string) (Metric, bool) {
	return find(metrics, name, func(m Metric) string { return m.Name })
}

// Metrics returns all registry metrics sorted by name. Callers must not
// modify the result.
func Metrics() []Metric { return metrics }

// metricName is one Go definition of a metric and the semconv versions
// (bit i: semconvVersions[i]) that have it.
type metricName struct {
	metric, pkg, ident, unitIdent, ctor, unit, kind string
	mask                                            uint64
}

// A MetricName is a Go definition of a semantic-convention metric in one
// semconv version: a Name constant (Const non-empty) or an instrument type
// (Type non-empty).
type MetricName struct {
	Metric      string // the metric name, the constant's value or what the type's Name method returns
	Version     string // the semconv version, "v1.26.0"
	Otel        string // the first otel release whose semconv/Version has this definition
	Package     string // its import path, "go.opentelemetry.io/otel/semconv/v1.26.0" or ".../v1.37.0/httpconv"
	Const       string // the Name constant, "HTTPServerRequestDurationName"; "" for a type
	UnitConst   string // the Unit constant beside Const, "HTTPServerRequestDurationUnit"
	Type        string // the instrument type, "ServerRequestDuration"; "" for a constant
	Constructor string // the type's constructor, "NewServerRequestDuration"
	Kind        string // the go.opentelemetry.io/otel/metric instrument the type embeds, "Float64Histogram"
	Unit        string // the unit of the definition
}

func (m metricName) in(i int) MetricName {
	v := semconvVersions[i].version
	n := MetricName{Metric: m.metric, Version: v, Otel: metricOtel[i], Package: BasePath + "/" + v, Unit: m.unit}
	if m.pkg == "" {
		n.Const, n.UnitConst = m.ident, m.unitIdent
	} else {
		n.Package += "/" + m.pkg
		n.Type, n.Constructor, n.Kind = m.ident, m.ctor, m.kind
	}
	return n
}

// metricEntries returns the entries of metricNames for metric.
func metricEntries(metric string) []metricName {
	lo, _ := slices.BinarySearchFunc(metricNames, metric, func(m metricName, v string) int { return strings.Compare(m.metric, v) })
	hi := lo
	for hi < len(metricNames) && metricNames[hi].metric == metric {
		hi++
	}
	return metricNames[lo:hi]
}

// MetricNamesIn returns the Go definitions of metric in semconv version
// version: its Name constant, or its instrument types (a synchronous and
// an Observable one, in some versions), sorted by package and name.
func MetricNamesIn(version, metric string) []MetricName {
	i := versionIndex(version)
	if i < 0 {
		return nil
	}
	var out []MetricName
	for _, m := range metricEntries(metric) {
		if m.mask&(1<<i) != 0 {
			out = append(out, m.in(i))
		}
	}
	return out
}

// MetricConstFor returns the Name constant for metric in the newest
// semconv version whose constant otel release otel ships (for otel "",
// of all versions): the only Go name a fix may write, as its value is the
// metric name. Newer semconv versions have instrument types instead.
func MetricConstFor(otel, metric string) (MetricName, bool) {
	ms := newestFor(otel, metric, func(m metricName) bool { return m.pkg == "" })
	if len(ms) == 0 {
		return MetricName{}, false
	}
	return ms[0], true
}

// MetricTypesFor returns the instrument types for metric in the newest
// semconv version that otel release otel ships with any (for otel "", of
// all versions), for a hint: they are no constant, so no fix writes them.
func MetricTypesFor(otel, metric string) []MetricName {
	return newestFor(otel, metric, func(m metricName) bool { return m.pkg != "" })
}

// newestFor returns the definitions of metric that keep accepts in the
// newest semconv version that has one and whose definitions otel ships.
func newestFor(otel, metric string, keep func(metricName) bool) []MetricName {
	ms := metricEntries(metric)
	for i := len(semconvVersions) - 1; i >= 0; i-- {
		if metricOtel[i] == "" || otel != "" && semver.Compare(metricOtel[i], otel) > 0 {
			continue
		}
		var out []MetricName
		for _, m := range ms {
			if keep(m) && m.mask&(1<<i) != 0 {
				out = append(out, m.in(i))
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}
