package semconvtab_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab/internal/gentables"
)

// TestMetricsGeneratedUpToDate fails when metrics_gen.go no longer
// matches registry/metrics.tsv, registry/otel-metric-releases.tsv and the
// semconv packages of the otel module in go.mod.
func TestMetricsGeneratedUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	want, err := gentables.GenerateMetrics(".")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(gentables.MetricsFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale; run: go generate ./internal/semconvtab/", gentables.MetricsFile)
	}
}

// Rows of registry/metrics.tsv, as the conventions state them.
func TestLookupMetric(t *testing.T) {
	for _, want := range []semconvtab.Metric{
		{Name: "http.server.request.duration", Instrument: "histogram", Unit: "s", Stability: "stable"},
		{Name: "http.client.active_requests", Instrument: "updowncounter", Unit: "{request}", Stability: "development"},
		{Name: "rpc.server.duration", Instrument: "histogram", Unit: "ms", Stability: "development", Deprecated: true},
		{Name: "aspnetcore.authentication.authenticate.duration", Instrument: "histogram", Unit: "s", Stability: "development"}, // first row
		{Name: "go.config.gogc", Instrument: "updowncounter", Unit: "%", Stability: "development"},
	} {
		if got, ok := semconvtab.LookupMetric(want.Name); !ok || got != want {
			t.Errorf("LookupMetric(%q) = %+v, %t; want %+v", want.Name, got, ok, want)
		}
	}
	// A key, an event, a prefix of a metric, a Prometheus-style name.
	for _, name := range []string{"server.port", "exception", "http.server", "http_server_request_duration_seconds", ""} {
		if got, ok := semconvtab.LookupMetric(name); ok {
			t.Errorf("LookupMetric(%q) = %+v, true; want not found", name, got)
		}
	}
	if n := len(semconvtab.Metrics()); n != 503 {
		t.Errorf("Metrics() has %d rows, want the 503 of registry/metrics.tsv", n)
	}
}

// What the semconv packages of the pinned otel module define, read in the
// module cache: semconv/v1.26.0/metric.go has HTTPServerRequestDurationName
// = "http.server.request.duration" and HTTPServerRequestDurationUnit = "s";
// semconv/v1.37.0/httpconv has ServerRequestDuration, a struct embedding
// metric.Float64Histogram, made by NewServerRequestDuration.
func TestMetricNamesIn(t *testing.T) {
	const m = "http.server.request.duration"
	got := semconvtab.MetricNamesIn("v1.26.0", m)
	want := semconvtab.MetricName{
		Metric: m, Version: "v1.26.0", Otel: "v1.28.0", Package: "go.opentelemetry.io/otel/semconv/v1.26.0",
		Const: "HTTPServerRequestDurationName", UnitConst: "HTTPServerRequestDurationUnit", Unit: "s",
	}
	if len(got) != 1 || got[0] != want {
		t.Errorf("MetricNamesIn(v1.26.0, %s) = %+v; want [%+v]", m, got, want)
	}
	got = semconvtab.MetricNamesIn("v1.37.0", m)
	want = semconvtab.MetricName{
		Metric: m, Version: "v1.37.0", Otel: "v1.38.0", Package: "go.opentelemetry.io/otel/semconv/v1.37.0/httpconv",
		Type: "ServerRequestDuration", Constructor: "NewServerRequestDuration", Kind: "Float64Histogram", Unit: "s",
	}
	if len(got) != 1 || got[0] != want {
		t.Errorf("MetricNamesIn(v1.37.0, %s) = %+v; want [%+v]", m, got, want)
	}
	// v1.43.0 has a synchronous and an Observable instrument for counters.
	got = semconvtab.MetricNamesIn("v1.43.0", "http.client.active_requests")
	if len(got) != 2 || got[0].Type != "ClientActiveRequests" || got[0].Kind != "Int64UpDownCounter" ||
		got[1].Type != "ClientActiveRequestsObservable" || got[1].Kind != "Int64ObservableUpDownCounter" {
		t.Errorf("MetricNamesIn(v1.43.0, http.client.active_requests) = %+v", got)
	}
	// Semconv v1.24.0 first shipped in otel v1.22.0, its metric.go only
	// in otel v1.25.0: the constant's Otel is the later one.
	if got := semconvtab.MetricNamesIn("v1.24.0", m); len(got) != 1 || got[0].Otel != "v1.25.0" {
		t.Errorf("MetricNamesIn(v1.24.0, %s) = %+v; want one constant from otel v1.25.0", m, got)
	}
	// No metric definitions before v1.24.0; no such version; no such metric.
	for _, tc := range [][2]string{{"v1.23.1", m}, {"v1.29.0", m}, {"v1.26.0", "http.server.request.duration.ms"}} {
		if got := semconvtab.MetricNamesIn(tc[0], tc[1]); len(got) != 0 {
			t.Errorf("MetricNamesIn(%s, %s) = %+v; want none", tc[0], tc[1], got)
		}
	}
}

// A fix may only write a Name constant that the module's otel has.
func TestMetricConstFor(t *testing.T) {
	const m = "http.server.request.duration"
	for _, tc := range []struct {
		otel, version, otelSince string // version "": none
	}{
		{"v1.22.0", "", ""},               // ships semconv/v1.24.0, but without metric.go
		{"v1.24.0", "", ""},               // still without
		{"v1.25.0", "v1.24.0", "v1.25.0"}, // metric.go arrives
		{"v1.28.0", "v1.26.0", "v1.28.0"},
		{"v1.47.0", "v1.31.0", "v1.36.0"}, // the newest with constants; later ones have types
		{"", "v1.31.0", "v1.36.0"},
	} {
		got, ok := semconvtab.MetricConstFor(tc.otel, m)
		if tc.version == "" {
			if ok {
				t.Errorf("MetricConstFor(%q, %s) = %+v; want none", tc.otel, m, got)
			}
			continue
		}
		if !ok || got.Version != tc.version || got.Otel != tc.otelSince || got.Const != "HTTPServerRequestDurationName" || got.Metric != m {
			t.Errorf("MetricConstFor(%q, %s) = %+v, %t; want HTTPServerRequestDurationName of %s from otel %s", tc.otel, m, got, ok, tc.version, tc.otelSince)
		}
	}
	// http.client.request.time_in_queue had a constant in semconv v1.24.0
	// only; the conventions renamed it since.
	if got, ok := semconvtab.MetricConstFor("", "http.client.request.time_in_queue"); !ok || got.Version != "v1.24.0" {
		t.Errorf("MetricConstFor(\"\", http.client.request.time_in_queue) = %+v, %t; want the one of v1.24.0", got, ok)
	}
}

// A hint may name an instrument type the module's otel has.
func TestMetricTypesFor(t *testing.T) {
	const m = "http.server.request.duration"
	for otel, want := range map[string]string{"v1.35.0": "", "v1.36.0": "v1.32.0", "v1.38.0": "v1.37.0", "v1.47.0": "v1.43.0", "": "v1.43.0"} {
		got := semconvtab.MetricTypesFor(otel, m)
		switch {
		case want == "" && len(got) > 0:
			t.Errorf("MetricTypesFor(%q, %s) = %+v; want none", otel, m, got)
		case want != "" && (len(got) != 1 || got[0].Version != want || got[0].Type != "ServerRequestDuration" ||
			got[0].Package != "go.opentelemetry.io/otel/semconv/"+want+"/httpconv"):
			t.Errorf("MetricTypesFor(%q, %s) = %+v; want httpconv.ServerRequestDuration of %s", otel, m, got, want)
		}
	}
}

// The Go definitions of the newest semconv version agree with the
// registry copy (made from the model of v1.44.0 plus 22 commits) on every
// unit; older versions differ where the conventions changed a unit.
func TestMetricUnitsAgree(t *testing.T) {
	newest := semconvtab.Versions()[len(semconvtab.Versions())-1]
	n := 0
	for _, m := range semconvtab.Metrics() {
		for _, g := range semconvtab.MetricNamesIn(newest, m.Name) {
			n++
			if g.Unit != m.Unit {
				t.Errorf("%s %s.%s: unit %q, registry %q", m.Name, g.Package, g.Type, g.Unit, m.Unit)
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d Go definitions in %s of registry metrics", n, newest)
	}
	// cpu.frequency was "Hz" in v1.31.0's constant, "{Hz}" in the registry.
	if got := semconvtab.MetricNamesIn("v1.31.0", "cpu.frequency"); len(got) != 1 || got[0].Unit != "Hz" {
		t.Errorf("MetricNamesIn(v1.31.0, cpu.frequency) = %+v", got)
	}
}
