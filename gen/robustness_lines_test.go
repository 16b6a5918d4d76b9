package gen

import (
	"go/ast"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

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
// leaves nothing behind.
func TestDryRunPanicLeavesNothing(t *testing.T) {
	dir := sharedModule(t)
	before := snapshot(t, dir)
	fixed := func() error { panic("injected panic") }
	func() {
		defer func() {
			if r := recover(); r != "injected panic" {
				t.Errorf("recovered %v, want the injected panic", r)
			}
		}()
		genHooked(t, dir, hooks{fixed: fixed}, "-dry-run", "-into=./internal/telemetry", "./...")
	}()
	if k, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Errorf("left %s behind", k)
	}
}

// TestAnalyzerPanicLeavesNothing: a panic in the analyzer, which the
// checker runs in goroutines of its own, here in the analysis that makes
// the fixes with the new constants (the second of a package's files), is
// an error of the run, in one line, and leaves nothing behind.
func TestAnalyzerPanicLeavesNothing(t *testing.T) {
	dir := sharedModule(t)
	before := snapshot(t, dir)
	var mu sync.Mutex
	seen := map[*ast.File]bool{}
	analyze := func(pass *analysis.Pass) {
		mu.Lock()
		again := seen[pass.Files[0]]
		seen[pass.Files[0]] = true
		mu.Unlock()
		if again {
			panic("injected analyzer panic")
		}
	}
	_, stderr, code := genHooked(t, dir, hooks{analyze: analyze}, "-dry-run", "-into=./internal/telemetry", "./...")
	if code != 1 || !strings.Contains(stderr, "the analyzer panicked (please report it): injected analyzer panic") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if k, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Errorf("left %s behind", k)
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
