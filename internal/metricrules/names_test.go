package metricrules

import (
	"strings"
	"testing"
)

func TestKnown(t *testing.T) {
	for name, want := range map[string]bool{
		"http.server.request.duration":      true, // registry, and Go constants and types
		"rpc.server.duration":               true, // deprecated in the registry
		"http.client.request.time_in_queue": true, // only a semconv/v1.24.0 constant
		"hw.errors":                         true, // a Go type the registry copy lacks
		"http.server.request.durations":     false,
		"db.sql.latency":                    false,
	} {
		if got := Known(name); got != want {
			t.Errorf("Known(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestCheckDuration(t *testing.T) {
	for _, tc := range []struct {
		name, unit string
		byName     bool // reported, by name
		byUnit     bool // reported, by unit only
	}{
		{"db.sql.latency", "ms", false, true},
		{"app.request.duration", "ms", true, false},
		{"request_duration", "us", true, false},
		{"app.job.duration", "min", true, false},
		{"app.request.duration", "By", true, false}, // a duration recorded in bytes: still not seconds
		{"app.wait", "h", false, true},
		// Fits.
		{"app.request.duration", "s", false, false},
		{"app.request.duration", "", false, false},     // no unit given
		{"app.request.duration", "{ms}", false, false}, // CheckUnit reports it
		{"app.request.durations", "{request}", false, false},
		{"app.request.size", "By", false, false},
		{"app.throughput", "By/s", false, false},    // a rate, not a time
		{"rpc.server.duration", "ms", false, false}, // known: checked against the conventions
		{"db.client.connections.use_time", "ms", false, false},
	} {
		f, bad := CheckDuration(tc.name, tc.unit)
		want := tc.byName || tc.byUnit
		if bad != want || bad && (f.ByName != tc.byName || f.Name != tc.name || f.Unit != tc.unit) {
			t.Errorf("CheckDuration(%q, %q) = %+v, %v; want reported %v, by name %v", tc.name, tc.unit, f, bad, want, tc.byName)
		}
	}
	f, _ := CheckDuration("db.sql.latency", "ms")
	if got, want := f.Message(), `metric "db.sql.latency" records a time in "ms": the semantic conventions record durations in seconds ("s")`; got != want {
		t.Errorf("Message() = %s\nwant %s", got, want)
	}
}

func TestCheckUnitInName(t *testing.T) {
	for _, tc := range []struct{ name, suffix, unit string }{
		{"request_duration_ms", "_ms", "ms"},
		{"app.request.duration.seconds", ".seconds", "s"},
		{"http_request_duration_seconds", "_seconds", "s"},
		{"response_size_bytes", "_bytes", "By"},
		{"requests_total", "_total", ""},
		{"http_request_duration_seconds_total", "_seconds_total", "s"},
		{"requestDurationMs", "_ms", "ms"},
		{"db.sql.latency_ns", "_ns", "ns"},
		{"cache.size_mb", "_mb", "MBy"},
		{"cpu.usage_percent", "_percent", "%"},
		// Fits.
		{"app.request.duration", "", ""},
		{"app.requests", "", ""},
		{"k8s.pods", "", ""},
		{"app.jobs.total", "", ""}, // only _total is the exporter's suffix
		{"bytes", "", ""},
		{"http.server.request.body.size", "", ""},
		{"hw.fan.speed_ratio", "", ""}, // known
	} {
		f, bad := CheckUnitInName(tc.name)
		if bad != (tc.suffix != "") || bad && (f.Suffix != tc.suffix || f.Unit != tc.unit || f.Name != tc.name) {
			t.Errorf("CheckUnitInName(%q) = %+v, %v; want suffix %q, unit %q", tc.name, f, bad, tc.suffix, tc.unit)
		}
	}
	f, _ := CheckUnitInName("request_duration_ms")
	if m := f.Message(); !strings.Contains(m, `"_ms"`) || !strings.Contains(m, `metric.WithUnit("ms")`) {
		t.Errorf("Message() = %s", m)
	}
	f, _ = CheckUnitInName("requests_total")
	if m := f.Message(); strings.Contains(m, "WithUnit") {
		t.Errorf("Message() for _total names a unit: %s", m)
	}
}

func TestCheckName(t *testing.T) {
	for _, tc := range []struct{ name, suggest string }{
		{"requestDuration", "request_duration"},
		{"App.Requests", "app.requests"},
		{"grpc-server.calls", "grpc_server.calls"},
		{"db..latency", "db.latency"},
		{"otel.my.requests", ""}, // reserved namespace
	} {
		f, bad := CheckName(tc.name)
		if !bad || f.Suggest != tc.suggest || f.Name != tc.name {
			t.Errorf("CheckName(%q) = %+v, %v; want suggestion %q", tc.name, f, bad, tc.suggest)
		}
	}
	for _, name := range []string{
		"app.request.duration", "db.sql.latency", "k8s.pods",
		"otel.sdk.span.live", // known: OpenTelemetry's own
		"http.server.request.duration",
	} {
		if f, bad := CheckName(name); bad {
			t.Errorf("CheckName(%q) reported: %s", name, f.Message())
		}
	}
	f, _ := CheckName("requestDuration")
	if got, want := f.Message(), `metric name "requestDuration" breaks the OpenTelemetry naming rules: use lowercase snake_case components separated by dots, e.g. "request_duration"`; got != want {
		t.Errorf("Message() = %s\nwant %s", got, want)
	}
}
