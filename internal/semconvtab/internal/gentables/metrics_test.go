package gentables

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMetricReleasesInModuleCache checks registry/otel-metric-releases.tsv
// against the real otel releases in the module cache (.ci/run downloads
// them): each version's metric definitions, read from the release that the
// table says first ships them, have the recorded fingerprint; and where
// that release is later than the version's own first release, the version
// had none there (semconv/v1.24.0 in otel v1.22.0).
func TestMetricReleasesInModuleCache(t *testing.T) {
	reg := filepath.Join("..", "..", "registry")
	rows, err := readTSV(filepath.Join(reg, "otel-metric-releases.tsv"), 3)
	if err != nil {
		t.Fatal(err)
	}
	rels, err := readTSV(filepath.Join(reg, "otel-releases.tsv"), 2)
	if err != nil {
		t.Fatal(err)
	}
	first := map[string]string{}
	for _, r := range rels {
		first[r.fields[0]] = r.fields[1]
	}
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	cache := strings.TrimSpace(string(out))
	dirOf := func(otel, version string) string {
		d := filepath.Join(cache, "go.opentelemetry.io", "otel@"+otel)
		if _, err := os.Stat(d); err != nil {
			t.Fatalf("otel %s is not in the module cache: go mod download go.opentelemetry.io/otel@%s (as .ci/run does)", otel, otel)
		}
		return filepath.Join(d, "semconv", version)
	}
	later := 0
	for _, r := range rows {
		v, otel, fp := r.fields[0], r.fields[1], r.fields[2]
		got, err := MetricsFingerprint(dirOf(otel, v))
		if err != nil {
			t.Fatal(err)
		}
		if got != fp {
			t.Errorf("%s: semconv/%s in otel %s has fingerprint %q, recorded %s", r.pos, v, otel, got, fp)
		}
		if f := first[v]; f != otel {
			later++
			if got, err := MetricsFingerprint(dirOf(f, v)); err != nil || got != "" {
				t.Errorf("%s: semconv/%s in otel %s (its first release) has metric definitions (%q, %v), but the table says they came in %s", r.pos, v, f, got, err, otel)
			}
		}
	}
	if len(rows) < 18 || later != 1 {
		t.Errorf("%d rows, %d with a later release than the version's; want at least 18, and 1 (v1.24.0)", len(rows), later)
	}
}

// TestMetricsOfRejects checks that a semconv package of an unknown shape
// stops the generator instead of leaving a metric out.
func TestMetricsOfRejects(t *testing.T) {
	const head = "package xconv\n\nimport \"go.opentelemetry.io/otel/metric\"\n\ntype Reqs struct{ metric.Int64Counter }\n\nfunc NewReqs(m metric.Meter) (Reqs, error) { return Reqs{}, nil }\n"
	for _, tc := range []struct{ name, src, want string }{
		{"good", head + "func (Reqs) Name() string { return \"x.requests\" }\nfunc (Reqs) Unit() string { return \"{request}\" }\n", ""},
		{"computed name", head + "const n = \"x.requests\"\nfunc (Reqs) Name() string { return n }\nfunc (Reqs) Unit() string { return \"{request}\" }\n", "does not return one string literal"},
		{"no unit", head + "func (Reqs) Name() string { return \"x.requests\" }\n", "lacks a Name or Unit method"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			must(t, os.Mkdir(filepath.Join(dir, "xconv"), 0o777))
			must(t, os.WriteFile(filepath.Join(dir, "xconv", "metric.go"), []byte(tc.src), 0o666))
			ms, err := metricsOf(dir)
			switch {
			case tc.want == "" && err != nil:
				t.Fatal(err)
			case tc.want == "" && (len(ms) != 1 || ms[0] != metricGo{metric: "x.requests", pkg: "xconv", ident: "Reqs", ctor: "NewReqs", unit: "{request}", kind: "Int64Counter"}):
				t.Errorf("metricsOf = %+v", ms)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
