package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// verify type-checks the changed files against the export data of their
// imports, those the files on disk do not import yet included, and finds
// an error in a changed file, of its package or of its test variant; the
// same against the types of a load gen has made already, without running
// the go command again, and it lists the packages after all when the new
// files import one that load lacks.
func TestVerifyChecksTheNewContents(t *testing.T) {
	dir := copyModule(t)
	testsupport.SetOffline(t)
	// How each verify found the imports, as -v says: by the go command,
	// or in a load.
	var listed, fromKnown int
	o := &Options{Dir: dir, Patterns: []string{"./..."}, Tests: true, Env: offlineEnv, Log: logWriter(func(line string) {
		switch {
		case strings.Contains(line, "listed by the go command"):
			listed++
		case strings.Contains(line, "a load made already"):
			fromKnown++
		}
	})}
	mod, err := findModule(dir, o.Env)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := load(o, mod)
	if err != nil {
		t.Fatal(err)
	}
	engine := filepath.Join(dir, "engine", "engine.go")
	src, err := os.ReadFile(engine)
	if err != nil {
		t.Fatal(err)
	}
	test := filepath.Join(dir, "engine", "engine_test.go")
	tsrc, err := os.ReadFile(test)
	if err != nil {
		t.Fatal(err)
	}
	for _, known := range [][]*packages.Package{nil, loaded} {
		from := map[bool]string{true: "go list", false: "a load made already"}[known == nil]
		listed, fromKnown = 0, 0
		// A new import, of a package engine does not import on disk: valid.
		withImport := strings.Replace(string(src), "import (\n", "import (\n\t\"example.com/genapp/existing\"\n", 1) +
			"\nvar _ = existing.JourneyQueued\n"
		if err := verify(o, mod, map[string][]byte{engine: []byte(withImport)}, nil, known); err != nil {
			t.Errorf("%s: a valid new import: %v", from, err)
		}
		// A type error in the package.
		broken := string(src) + "\nvar _ int = Name\n"
		err = verify(o, mod, map[string][]byte{engine: []byte(broken)}, nil, known)
		if err == nil || !strings.Contains(err.Error(), "would not compile") || !strings.Contains(err.Error(), "engine/engine.go:") {
			t.Errorf("%s: a type error: got %v", from, err)
		}
		// An error only the test variant has: a test file that uses a name
		// the change removes.
		err = verify(o, mod, map[string][]byte{test: append(tsrc, "\nvar _ = noSuchName\n"...)}, nil, known)
		if err == nil || !strings.Contains(err.Error(), "engine/engine_test.go:") {
			t.Errorf("%s: a type error in a test file: got %v", from, err)
		}
		wantListed, wantKnown := 3, 0
		if known != nil {
			wantListed, wantKnown = 0, 3
		}
		if listed != wantListed || fromKnown != wantKnown {
			t.Errorf("%s: the go command listed the packages %d times, the load was used %d times; want %d and %d", from, listed, fromKnown, wantListed, wantKnown)
		}
	}
	// A package that no package of the load imports: listed after all.
	listed = 0
	semconv := strings.Replace(string(src), "import (\n", "import (\n\tsemconv \"go.opentelemetry.io/otel/semconv/v1.26.0\"\n", 1) +
		"\nvar _ = semconv.SchemaURL\n"
	if err := verify(o, mod, map[string][]byte{engine: []byte(semconv)}, nil, loaded); err != nil {
		t.Errorf("an import the load lacks: %v", err)
	}
	if listed != 1 {
		t.Error("an import the load lacks: the packages were not listed")
	}
}
