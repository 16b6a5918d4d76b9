package analyzer_test

import (
	"path/filepath"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// logEventCases: the event names of log records, (*log.Record).SetEventName
// and log.EnabledParameters.EventName in the otel/log API pinned in
// go.mod, are reported, checked and fixed as span.AddEvent's argument is.
var logEventCases = []pkgCase{
	app("logevent", analyzer.Config{}),
	app("logeventstyle", analyzer.Config{EventStyle: "upper"}),
}

func TestLogEventNames(t *testing.T) {
	t.Parallel()
	runCases(t, logEventCases, nil)
}

// oldLogCases, in a module on go.opentelemetry.io/otel/log v0.20.0, the
// last version with its own KeyValue type: log.String("k", v) and the
// other constructors, and log.KeyValue{Key: "k"}, are key positions.
var oldLogCases = []pkgCase{oldLog("oldlog")}

func TestOldLogKeys(t *testing.T) {
	t.Parallel()
	runCases(t, oldLogCases, nil)
}

// oldotellog is a testdata module on go.opentelemetry.io/otel/log v0.20.0
// (.ci/run downloads it).
var oldotellog = filepath.Join("..", "testdata", "oldotellog")

func oldLog(pkg string) pkgCase {
	return pkgCase{dir: oldotellog, pkg: "example.com/oldotellog/" + pkg}
}

// TestOldLogFixesBuild applies every fix in the old-log module as given
// and builds it: log.String(string(K), v) and log.KeyValue{Key: string(K)}
// compile where the key's constant is an attribute.Key.
func TestOldLogFixesBuild(t *testing.T) {
	t.Parallel()
	fixThenBuild(t, oldotellog, analyzer.Config{}, 10)
}

// fixThenBuild applies the first fix of every finding in a copy of the
// module in dir, as golangci-lint --fix does, builds and vets the result,
// and checks that nothing fixable is left; at least min fixes must apply.
func fixThenBuild(t *testing.T, dir string, cfg analyzer.Config, min int) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a module")
	}
	dir = testsupport.Copy(t, dir)
	if fixes := applyFirstFixes(t, analyze(t, dir, cfg)); fixes < min {
		t.Fatalf("only %d fixes in %s, want %d or more", fixes, dir, min)
	}
	buildAndVet(t, dir, "after applying the fixes as given")
	for _, d := range analyze(t, dir, cfg) {
		if len(d.fixes) > 0 {
			t.Errorf("still fixable after the fixes: %s: %s", d.posn, d.message)
		}
	}
}
