package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// genappRegistry declares three of testdata/gen's hard-coded strings,
// on top of the upstream conventions.
var genappRegistry = map[string]string{
	"manifest.yaml": `schema_url: https://example.com/schemas/genapp/1.0.0
dependencies:
  - schema_url: https://opentelemetry.io/schemas/1.37.0
`,
	"model/genapp.yaml": `groups:
  - id: registry.genapp
    type: attribute_group
    brief: The keys of genapp.
    attributes:
      - id: http.request_id
        type: string
        stability: development
        brief: The request's identifier.
      - id: queue.wait.ms
        type: int
        stability: development
        brief: How long the request waited, in milliseconds.
  - id: event.journey.queued
    type: event
    name: journey.QUEUED
    stability: development
    brief: The request was queued.
`,
}

// TestRegistryInto: with -registry, gen writes constants only for the
// keys and event names that the registry declares, each comment naming
// the declaration (the file matches the golden one), notes the others,
// rewrites the literals to the constants; the module builds, the
// literals the registry declares are gone, and a second run changes
// nothing.
func TestRegistryInto(t *testing.T) {
	t.Parallel()
	dir := copyModule(t)
	testsupport.WriteFiles(t, filepath.Join(dir, "telemetry"), genappRegistry)
	stdout, stderr, code := gen(t, dir, "-registry=telemetry", "-into=./internal/telemetry", "./...")
	if code != 0 {
		t.Fatalf("exit %d:\n%s%s", code, stdout, stderr)
	}
	note := `left alone: 6 key or event names that the registry does not declare ("api.version", "app.version", "journey.ARRIVED", and 3 more): declare them (spanattrlint gen -registry=telemetry -declare) or correct them, then run gen again`
	if !strings.Contains(stdout, note) || !strings.Contains(stdout, "3 new constants (2 attribute keys, 1 event name)") {
		t.Errorf("stdout lacks the note or the count:\n%s", stdout)
	}
	got, err := os.ReadFile(filepath.Join(dir, "internal", "telemetry", DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "registry-telemetry.go.golden", got)
	goCmd(t, dir, "build", "./...")
	engine, err := os.ReadFile(filepath.Join(dir, "engine", "engine.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, lit := range []string{`"http.request_id"`, `"queue.wait.ms"`, `"journey.QUEUED"`} {
		if strings.Contains(string(engine), lit) {
			t.Errorf("engine/engine.go still writes %s", lit)
		}
	}
	if !strings.Contains(string(engine), `"queue.wait_ms"`) {
		t.Errorf("engine/engine.go lost the undeclared \"queue.wait_ms\"")
	}
	before := snapshot(t, dir)
	if stdout, stderr, code := gen(t, dir, "-registry=telemetry", "-into=./internal/telemetry", "./..."); code != 0 {
		t.Fatalf("second run: exit %d:\n%s%s", code, stdout, stderr)
	}
	if p, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Errorf("second run changed %s", p)
	}
}
