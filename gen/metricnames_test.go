package gen

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// metricTestdata is a module whose code writes metric instrument names
// (and an attribute key beside one) as literals that no constant holds.
var metricTestdata = filepath.Join("..", "testdata", "genmetric")

// metricGolden compares got with testdata/genmetric/golden/name.
func metricGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(metricTestdata, "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (go test ./gen -update rewrites it):\n%s", name, path, got)
	}
}

// TestGenMetricNames: gen writes an untyped ...Name constant for each
// literal metric name, beside the key's constant, and rewrites the
// instrument constructors' names to them in the same run (another
// package's through a new import); the module builds and vets, nothing
// fixable is left, and a second run changes nothing. -dry-run first
// writes nothing. A name that breaks the naming rules gets no constant.
func TestGenMetricNames(t *testing.T) {
	t.Parallel()
	dir := testsupport.Copy(t, metricTestdata)
	before := snapshot(t, dir)
	stdout, stderr, code := gen(t, dir, "-dry-run", "-into=./internal/telemetry", "./...")
	if code != 0 {
		t.Fatalf("-dry-run: exit %d: %s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "would make 4 rewrites in 2 files") {
		t.Errorf("-dry-run:\n%s", stdout)
	}
	if k, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Fatalf("-dry-run changed %s", k)
	}

	stdout, stderr, code = gen(t, dir, "-into=./internal/telemetry", "./...")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"wrote internal/telemetry/spanattrlint_gen.go: 3 new constants (1 attribute key, 2 metric names)",
		"made 4 rewrites in 2 files",
		`note: no constant for 1 metric name that break the OpenTelemetry naming rules ("Worker.Busy")`,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stdout, "1 hard-coded string left without a constant") {
		t.Errorf("Worker.Busy not counted as left:\n%s", stdout)
	}
	for golden, file := range map[string]string{
		"telemetry.go.golden": filepath.Join("internal", "telemetry", DefaultFile),
		"jobs.go.golden":      filepath.Join("jobs", "jobs.go"),
		"worker.go.golden":    filepath.Join("worker", "worker.go"),
	} {
		got, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		metricGolden(t, golden, got)
	}
	checkFixedModule(t, dir, []string{"build", "./..."}, []string{"vet", "./..."})
}

// TestGenMetricNamesRegistry: with -registry, a metric name gets a
// constant only if the registry declares it (the comment says where), as
// keys do (the comment names the metric_name line); the others are left
// and noted.
func TestGenMetricNamesRegistry(t *testing.T) {
	t.Parallel()
	dir := testsupport.Copy(t, metricTestdata)
	testsupport.WriteFiles(t, filepath.Join(dir, "telemetry"), map[string]string{
		"manifest.yaml": "schema_url: https://example.com/schemas/genmetric/1.0.0\n",
		"model/app.yaml": `groups:
  - id: registry.app
    type: attribute_group
    brief: The keys of the app.
    attributes:
      - id: app.job.queue
        type: string
        stability: development
        brief: The job's queue.
  - id: metric.app.jobs.processed
    type: metric
    metric_name: app.jobs.processed
    instrument: counter
    unit: "{job}"
    stability: development
    brief: How many jobs were processed.
`,
	})
	stdout, stderr, code := gen(t, dir, "-registry=telemetry", "-into=./internal/telemetry", "./...")
	if code != 0 {
		t.Fatalf("exit %d:\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		`left alone: 1 key, event or metric name that the registry does not declare ("app.jobs.duration")`,
		"wrote internal/telemetry/spanattrlint_gen.go: 2 new constants (1 attribute key, 1 metric name)",
		"made 3 rewrites in 2 files",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	got, err := os.ReadFile(filepath.Join(dir, "internal", "telemetry", DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	want := `// AppJobsProcessedName is the metric name "app.jobs.processed", declared in the registry at telemetry/model/app.yaml:12, first seen at jobs/jobs.go:16.
	AppJobsProcessedName = "app.jobs.processed"`
	if !strings.Contains(string(got), want) {
		t.Errorf("constants file lacks\n%s\n%s", want, got)
	}
	goCmd(t, dir, "build", "./...")
}
