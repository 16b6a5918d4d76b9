package gen

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// TestAnalysesAndVerifications: on the bundled example, whose packages
// use package tracing's constants as keys (the case that offers those
// constants to every package), with a package added that has no finding,
// that package is analysed once, a package with findings whose strings
// all have a constant twice (the second time with tracing as a -constants
// package), and only the package that gets a new constant three times
// (the last against the constants file, in memory); the fixed packages
// are type-checked once.
func TestAnalysesAndVerifications(t *testing.T) {
	dir := testsupport.Copy(t, filepath.Join("..", "examples"))
	writeFile(t, filepath.Join(dir, "journey", "quiet", "quiet.go"), `// Package quiet emits no telemetry.
package quiet

// Add adds.
func Add(a, b int) int { return a + b }
`)
	var mu sync.Mutex
	passes := map[string]int{} // by package path and variant (the number of files)
	verified := 0
	h := hooks{
		analyze: func(pass *analysis.Pass) {
			mu.Lock()
			defer mu.Unlock()
			name := strings.TrimPrefix(pass.Pkg.Path(), "github.com/spanattrlint/spanattrlint/examples/")
			for _, f := range pass.Files {
				if strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
					name += " (test)"
					break
				}
			}
			passes[name]++
		},
		verified: func(bool) { verified++ },
	}
	stdout, stderr, code := genHooked(t, dir, h, "-dry-run", "-into=./journey/telemetry", "./...")
	if code != 0 {
		t.Fatalf("exit %d:\n%s%s", code, stdout, stderr)
	}
	var got []string
	for name, n := range passes {
		got = append(got, name+": "+strings.Repeat("I", n))
	}
	slices.Sort(got)
	want := []string{
		"journey/api: II",
		"journey/api_test (test): II",
		"journey/engine: III",
		"journey/engine_test (test): III",
		"journey/quiet: I",
		"journey/tracing: II",
	}
	if !slices.Equal(got, want) || verified != 1 {
		t.Errorf("analyses:\n%s\nverifications: %d\nwant:\n%s\nverifications: 1", strings.Join(got, "\n"), verified, strings.Join(want, "\n"))
	}
}
