package analyzer_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// TestValueFixesBuild applies every fix of the value checks' cases (enum
// members with the semconv import in the file, in another file of the
// package, aliased; int members with -deprecated=false; alongside
// -stability) to a copy of the testdata module as given, then builds and
// vets it, and checks that no member is left to fix.
func TestValueFixesBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module")
	}
	dir := testsupport.Copy(t, testdata)
	for _, cfg := range []analyzer.Config{{NoDeprecated: true, Stability: "stable"}, {}} {
		edits := map[string][]edit{}
		members := 0
		for _, d := range analyze(t, dir, cfg) {
			if len(d.fixes) == 0 {
				continue
			}
			if strings.Contains(d.message, "set to its enum member") {
				members++
			}
			for _, e := range d.fixes[0] {
				edits[e.file] = append(edits[e.file], e)
			}
		}
		if cfg.NoDeprecated && members < 12 {
			t.Fatalf("only %d enum-member fixes; the value cases are not being analysed", members)
		}
		for file, es := range edits {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			out, err := applyEdits(src, es)
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			if err := os.WriteFile(file, out, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, args := range [][]string{{"build", "./..."}, {"vet", "-composites=false", "./..."}} {
			cmd := exec.Command("go", args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("go %v after applying the fixes (%+v): %v\n%s", args, cfg, err, out)
			}
		}
	}
	for _, d := range analyze(t, dir, analyzer.Config{NoDeprecated: true}) {
		if len(d.fixes) > 0 && strings.Contains(d.message, "enum member") {
			t.Errorf("still fixable after the fixes: %s: %s", d.posn, d.message)
		}
	}
}
