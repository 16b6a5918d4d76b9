package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// verify type-checks the changed files against the export data of their
// imports, those the files on disk do not import yet included, and finds
// an error in a changed file, of its package or of its test variant.
func TestVerifyChecksTheNewContents(t *testing.T) {
	dir := copyModule(t)
	testsupport.SetOffline(t)
	o := &Options{Dir: dir, Tests: true, Env: offlineEnv}
	mod, err := findModule(dir, o.Env)
	if err != nil {
		t.Fatal(err)
	}
	engine := filepath.Join(dir, "engine", "engine.go")
	src, err := os.ReadFile(engine)
	if err != nil {
		t.Fatal(err)
	}
	// A new import, of a package engine does not import on disk: valid.
	withImport := strings.Replace(string(src), "import (\n", "import (\n\t\"example.com/genapp/existing\"\n", 1) +
		"\nvar _ = existing.JourneyQueued\n"
	if err := verify(o, mod, map[string][]byte{engine: []byte(withImport)}); err != nil {
		t.Errorf("a valid new import: %v", err)
	}
	// A type error in the package.
	broken := string(src) + "\nvar _ int = Name\n"
	err = verify(o, mod, map[string][]byte{engine: []byte(broken)})
	if err == nil || !strings.Contains(err.Error(), "would not compile") || !strings.Contains(err.Error(), "engine/engine.go:") {
		t.Errorf("a type error: got %v", err)
	}
	// An error only the test variant has: a test file that uses a name
	// the change removes.
	test := filepath.Join(dir, "engine", "engine_test.go")
	tsrc, err := os.ReadFile(test)
	if err != nil {
		t.Fatal(err)
	}
	err = verify(o, mod, map[string][]byte{test: append(tsrc, "\nvar _ = noSuchName\n"...)})
	if err == nil || !strings.Contains(err.Error(), "engine/engine_test.go:") {
		t.Errorf("a type error in a test file: got %v", err)
	}
}
