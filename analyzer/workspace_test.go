package analyzer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// work is a go.work workspace: module example.com/work (the root, with
// its tracing package) and module example.com/b, which requires neither.
var work = filepath.Join("..", "testdata", "work")

// TestWorkspaceConstants: -constants names a package of another module of
// the workspace, which go.mod alone cannot resolve.
func TestWorkspaceConstants(t *testing.T) {
	t.Setenv("GOWORK", "")
	dir, err := filepath.Abs(work) // analysistest's GOWORK must be absolute
	if err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, dir, analyzer.New(analyzer.Config{Constants: []string{"example.com/work/tracing"}}), "example.com/b")
}

// TestWorkspaceOff: with GOWORK=off, b is a module of its own, which does
// not require example.com/work: the error says so.
func TestWorkspaceOff(t *testing.T) {
	t.Setenv("GOWORK", "off")
	cfg := analyzer.Config{Constants: []string{"example.com/work/tracing"}}
	err := cfg.Check(filepath.Join(work, "b"))
	if err == nil || !strings.Contains(err.Error(), `"example.com/work/tracing" is in no module that module example.com/b requires`) {
		t.Errorf("GOWORK=off: error %v", err)
	}
	t.Setenv("GOWORK", "")
	if err := cfg.Check(filepath.Join(work, "b")); err != nil {
		t.Errorf("in the workspace: %v", err)
	}
	abs, _ := filepath.Abs(filepath.Join(work, "go.work"))
	t.Setenv("GOWORK", abs)
	if err := cfg.Check(filepath.Join(work, "b")); err != nil {
		t.Errorf("GOWORK=%s: %v", abs, err)
	}
	if _, err := os.Stat(abs); err != nil {
		t.Fatal(err)
	}
}
