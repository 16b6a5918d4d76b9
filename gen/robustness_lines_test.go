package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// copyGenlines copies testdata/genlines: a file whose attribute import is
// alone in the last group (the new constants' import sorts before it),
// and template output whose //line directive names a file outside the
// module.
func copyGenlines(t *testing.T) string {
	t.Helper()
	return testsupport.Copy(t, filepath.Join("..", "testdata", "genlines"))
}

// TestImportOverlapAndLineDirective: the fix that removes the lone
// attribute group and adds the constants' import used to panic (and
// -dry-run then left the constants file behind); a use under a //line
// directive naming a template outside the module was left alone as if the
// file were outside it.
func TestImportOverlapAndLineDirective(t *testing.T) {
	t.Parallel()
	dir := copyGenlines(t)
	before := snapshot(t, dir)
	if _, stderr, code := gen(t, dir, "-dry-run", "-into=./internal/telemetry", "./..."); code != 0 {
		t.Fatalf("-dry-run: exit %d: %s", code, stderr)
	}
	if k, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Fatalf("-dry-run changed %s", k)
	}

	stdout, stderr, code := gen(t, dir, "-into=./internal/telemetry", "./...")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "made 2 rewrites in 2 files") {
		t.Errorf("stdout: %s", stdout)
	}
	consts := string(readFileT(t, filepath.Join(dir, "internal", "telemetry", DefaultFile)))
	if !strings.Contains(consts, `SvcOrderIDKey is the attribute key "svc.order_id", first seen at svc/svc.go:8.`) {
		t.Errorf("the constant of the //line file is missing or placed by the template:\n%s", consts)
	}
	wantP := `import (
	"fmt"

	"example.com/genlines/internal/telemetry"
)
`
	if p := string(readFileT(t, filepath.Join(dir, "p", "p.go"))); !strings.Contains(p, wantP) {
		t.Errorf("p/p.go imports:\n%s\nwant them as\n%s", p, wantP)
	}
	goCmd(t, dir, "build", "./...")
}

// TestDryRunPanicLeavesNothing: a panic once the fixes are computed
// (here in the Log that -v writes to) leaves nothing behind.
func TestDryRunPanicLeavesNothing(t *testing.T) {
	dir := sharedModule(t)
	before := snapshot(t, dir)
	log := logWriter(func(line string) {
		if strings.Contains(line, "fixes of") {
			panic("injected panic")
		}
	})
	func() {
		defer func() {
			if r := recover(); r != "injected panic" {
				t.Errorf("recovered %v, want the injected panic", r)
			}
		}()
		genLogged(t, dir, log, "-dry-run", "-into=./internal/telemetry", "./...")
	}()
	if k, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Errorf("left %s behind", k)
	}
}

// TestAnalyzerPanicIsAnError: a panic in an analyzer, which the checker
// runs in goroutines of its own, is an error of the package, in one line,
// not the end of the process (recovering, which gen's analysis runs
// under).
func TestAnalyzerPanicIsAnError(t *testing.T) {
	dir := sharedModule(t)
	o := &Options{Dir: dir, Patterns: []string{"./engine"}, Env: offlineEnv}
	mod, err := findModule(dir, o.Env)
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := load(o, mod)
	if err != nil {
		t.Fatal(err)
	}
	panicky := &analysis.Analyzer{Name: "panicky", Doc: "panics", Run: func(*analysis.Pass) (any, error) { panic("injected analyzer panic") }}
	g, err := checker.Analyze([]*analysis.Analyzer{recovering(panicky)}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range g.Roots {
		if act.Err == nil || act.Err.Error() != "internal error: the analyzer panicked (please report it): injected analyzer panic" {
			t.Errorf("%s: error %v", act.Package.ID, act.Err)
		}
	}
}

func readFileT(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
