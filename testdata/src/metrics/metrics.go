// Package metrics: the metric instrument checks (issue 22), with
// -metric-names off so that each line shows the one check it is about.
package metrics

import (
	"context"

	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/metric/noop"
)

// Every constructor of metric.Meter, the Observable forms included, is a
// position: each is given a unit that is not UCUM, which is reported at
// the unit.
func constructors(m metric.Meter) {
	m.Int64Counter("app.c1", metric.WithUnit("milliseconds"))                      // want `unit "milliseconds" is not UCUM as the semantic conventions use it \(not a UCUM unit\): use "ms"`
	m.Float64Counter("app.c2", metric.WithUnit("milliseconds"))                    // want `unit "milliseconds" is not UCUM`
	m.Int64UpDownCounter("app.c3", metric.WithUnit("milliseconds"))                // want `unit "milliseconds" is not UCUM`
	m.Float64UpDownCounter("app.c4", metric.WithUnit("milliseconds"))              // want `unit "milliseconds" is not UCUM`
	m.Int64Histogram("app.c5", metric.WithUnit("milliseconds"))                    // want `unit "milliseconds" is not UCUM`
	m.Float64Histogram("app.c6", metric.WithUnit("milliseconds"))                  // want `unit "milliseconds" is not UCUM`
	m.Int64Gauge("app.c7", metric.WithUnit("milliseconds"))                        // want `unit "milliseconds" is not UCUM`
	m.Float64Gauge("app.c8", metric.WithUnit("milliseconds"))                      // want `unit "milliseconds" is not UCUM`
	m.Int64ObservableCounter("app.c9", metric.WithUnit("milliseconds"))            // want `unit "milliseconds" is not UCUM`
	m.Float64ObservableCounter("app.c10", metric.WithUnit("milliseconds"))         // want `unit "milliseconds" is not UCUM`
	m.Int64ObservableUpDownCounter("app.c11", metric.WithUnit("sec"))              // want `unit "sec" is not UCUM as the semantic conventions use it \(not a UCUM unit\): use "s"`
	m.Float64ObservableUpDownCounter("app.c12", metric.WithUnit("bytes"))          // want `unit "bytes" is not UCUM as the semantic conventions use it \(not a UCUM unit\): use "By"`
	m.Int64ObservableGauge("app.c13", metric.WithUnit("{ms}"))                     // want `unit "\{ms\}" is not UCUM as the semantic conventions use it \(an annotation holding a unit\): use "ms"`
	m.Float64ObservableGauge("app.c14", metric.WithUnit("requests"))               // want `unit "requests" is not UCUM as the semantic conventions use it \(not a UCUM unit; counts of things are annotations such as \{request\}\)$`
	m.Int64Counter("app.c15", metric.WithUnit("{request}"), metric.WithUnit("By")) // two units: none is checked
	m.Float64Histogram("app.c16", metric.WithUnit("By/s"))
	m.Int64Counter("app.c17", metric.WithDescription("no unit"))
}

// wrapped embeds the interface; sdkLike implements it with methods of its
// own; lookalike has a method of the same name but is no Meter.
type wrapped struct{ metric.Meter }

type sdkLike struct{ noop.Meter }

func (sdkLike) Int64Counter(name string, opts ...metric.Int64CounterOption) (metric.Int64Counter, error) {
	return noop.Int64Counter{}, nil
}

type lookalike struct{}

func (lookalike) Int64Counter(name string, unit string) {}

func implementations(w wrapped, s sdkLike, p *sdkLike, l lookalike) {
	noop.Meter{}.Int64Counter("App.Noop")                     // want `metric name "App.Noop" breaks the OpenTelemetry naming rules: use lowercase snake_case components separated by dots, e.g. "app.noop"`
	noop.NewMeterProvider().Meter("x").Float64Gauge("App.Mp") // want `metric name "App.Mp" breaks`
	w.Int64Counter("App.Wrapped")                             // want `metric name "App.Wrapped" breaks`
	s.Int64Counter("App.Own")                                 // want `metric name "App.Own" breaks`
	p.Int64Counter("App.Pointer")                             // want `metric name "App.Pointer" breaks`
	metric.Meter.Int64Histogram(w.Meter, "App.MethodExpr")    // want `metric name "App.MethodExpr" breaks`
	sdkLike.Int64Counter(s, "App.OwnExpr")                    // want `metric name "App.OwnExpr" breaks`
	l.Int64Counter("App.Lookalike", "ms")
	metric.Meter(w).Int64Counter(("App.Paren")) // want `metric name "App.Paren" breaks`
	c := w.Int64Counter
	c("App.MethodValue") // want `metric name "App.MethodValue" breaks`
	h := metric.Meter.Int64Histogram
	h(w, "App.ExprValue") // a method expression held in a variable is not followed
}

// Units through an options slice, appends to it, and an option variable,
// each assigned once in the function; closures see them too. The unit is
// reported where it is written.
func options(m metric.Meter, ctx context.Context) {
	opts := []metric.Float64HistogramOption{metric.WithDescription("wait"), metric.WithUnit("{ms}")} // want `unit "\{ms\}" is not UCUM`
	m.Float64Histogram("app.wait", opts...)

	var more []metric.Int64CounterOption
	more = append(more, metric.WithDescription("size"))
	more = append(more, metric.WithUnit("MB")) // want `unit "MB" is not UCUM as the semantic conventions use it \(B is the bel in UCUM; bytes are By\): use "MBy"`
	m.Int64Counter("app.size", more...)

	// Reported once where it is written, for both instruments.
	unit := metric.WithUnit("sec") // want `unit "sec" is not UCUM`
	m.Float64Counter("app.busy", unit)
	func() {
		m.Float64Counter("app.busy2", unit)
	}()

	// Assigned twice, or from elsewhere: not followed.
	twice := []metric.Int64CounterOption{metric.WithUnit("bytes")}
	if ctx != nil {
		twice = []metric.Int64CounterOption{metric.WithUnit("By")}
	}
	m.Int64Counter("app.twice", twice...)
	m.Int64Counter("app.param", base()...)
}

func base() []metric.Int64CounterOption { return []metric.Int64CounterOption{metric.WithUnit("bytes")} }

// The conventions: a known metric created with another instrument, or
// given another unit; one that fits.
func conventions(m metric.Meter) {
	m.Int64Counter("http.server.request.duration")                                              // want `unexpected instrument: "http.server.request.duration" is a histogram in the semantic conventions, created here with Int64Counter` `"http.server.request.duration" is created without a unit: the semantic conventions give it "s" \(metric.WithUnit\("s"\)\)`
	m.Float64Histogram("http.server.request.duration", metric.WithUnit("ms"))                   // want `unit "ms" of "http.server.request.duration" is "s" in the semantic conventions`
	m.Float64Histogram("http.server.request.duration", metric.WithUnit("s"))                    // fits
	m.Int64ObservableGauge("http.server.active_requests")                                       // want `unexpected instrument: "http.server.active_requests" is an updowncounter in the semantic conventions, created here with Int64ObservableGauge` `created without a unit`
	m.Int64ObservableUpDownCounter("http.server.active_requests", metric.WithUnit("{request}")) // fits
	m.Float64Histogram("rpc.server.duration", metric.WithUnit("ms"))                            // want `metric "rpc.server.duration" is deprecated in the semantic conventions`
	m.Int64UpDownCounter("http.server.active_requests", metric.WithUnit("{requests}"))          // want `unit "\{requests\}" of "http.server.active_requests" is "\{request\}" in the semantic conventions`
}

// A known metric without a unit is reported only where every option was
// followed.
func noUnit(m metric.Meter, opts []metric.Float64HistogramOption) {
	m.Float64Histogram("http.client.request.duration", metric.WithDescription("d")) // want `"http.client.request.duration" is created without a unit`
	m.Float64Histogram("http.client.request.duration", opts...)
	m.Float64Histogram("http.client.request.duration", helper())
	var none []metric.Float64HistogramOption
	m.Float64Histogram("http.client.request.duration", none...) // want `created without a unit`
}

func helper() metric.Float64HistogramOption { return metric.WithUnit("s") }

// Hygiene: durations not in seconds, units in names, the naming rules.
func hygiene(m metric.Meter, name, u string) {
	m.Float64Histogram("app.job.duration", metric.WithUnit("ms")) // want `metric "app.job.duration" records a duration in "ms": the semantic conventions record durations in seconds \("s"\)`
	m.Float64Histogram("app.job.duration", metric.WithUnit("s"))
	m.Float64Counter("app.job.busy", metric.WithUnit("min"))   // want `metric "app.job.busy" records a time in "min"`
	m.Float64Counter(name, metric.WithUnit("ms"))              // want `metric created with Float64Counter records a time in "ms"`
	m.Float64Counter(name, metric.WithUnit(u))                 // neither is a constant
	m.Int64Counter("app.request_duration_ms")                  // want `metric name "app.request_duration_ms" ends in "_ms": OpenTelemetry's naming guidelines leave units and the _total suffix to the exporter; drop it and give the unit with metric.WithUnit\("ms"\)`
	m.Int64Counter("app.jobs_total", metric.WithUnit("{job}")) // want `metric name "app.jobs_total" ends in "_total"`
	m.Int64Counter("app.jobs", metric.WithUnit("{job}"))
	m.Int64Counter("otel.custom.jobs") // want `metric name "otel.custom.jobs" is in the otel namespace`
	m.Int64Counter("App.Bad")          //nolint:spanattrlint
}

// Wrappers of the package whose string parameter is the name, as grpc's
// createInt64Counter: calls with a constant name are instruments, with
// the options they pass on, or the unit the wrapper gives.
func createHistogram(set map[string]bool, name string, m metric.Meter, opts ...metric.Float64HistogramOption) metric.Float64Histogram {
	h, _ := m.Float64Histogram(string(name), opts...)
	return h
}

func latency(m metric.Meter, name string) metric.Int64Histogram {
	h, _ := m.Int64Histogram(name, metric.WithUnit("s")) // want `unit "s" of "http.server.active_requests" is "\{request\}" in the semantic conventions`
	return h
}

func renamed(m metric.Meter, name string) {
	name = "app." + name
	m.Int64Counter(name)
}

func wrappers(m metric.Meter) {
	createHistogram(nil, "App.Wrapped", m, metric.WithUnit("bytes"))               // want `metric name "App.Wrapped" breaks` `unit "bytes" is not UCUM`
	createHistogram(nil, "http.server.request.duration", m, metric.WithUnit("ms")) // want `unit "ms" of "http.server.request.duration" is "s" in the semantic conventions`
	createHistogram(nil, "http.server.request.duration", m, metric.WithUnit("s"))  // fits
	latency(m, "http.server.active_requests")                                      // want `unexpected instrument: "http.server.active_requests" is an updowncounter in the semantic conventions, created here with Int64Histogram`
	renamed(m, "App.Renamed")                                                      // the parameter is assigned: no wrapper
}

func genericCounter[T any](m metric.Meter, name string, _ T) {
	m.Int64Counter(name)
}

func generic(m metric.Meter) {
	genericCounter(m, "App.Generic", 1) // want `metric name "App.Generic" breaks`
}
