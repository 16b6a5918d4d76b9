package analyzer_test

import (
	"go/token"
	"go/types"
	"runtime"
	"testing"
	"time"
	"weak"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// TestCachesLiveInARun checks that an analyzer a long-lived host keeps
// (golangci-lint's plugin, gopls) does not keep the packages of a run
// alive once the run is over: its caches (which packages reach otel, the
// constant tables, the -constants packages read from source) belong to
// the run. The run reads a -constants package that the analysed packages
// do not import, so it is type-checked from source against their imports.
func TestCachesLiveInARun(t *testing.T) {
	testsupport.SetOffline(t)
	s, err := analyzer.Config{Constants: []string{tracingPkg}}.Resolve(testdata)
	if err != nil {
		t.Fatal(err)
	}
	for name, a := range map[string]*analysis.Analyzer{
		"New":             analyzer.New(analyzer.Config{Constants: []string{tracingPkg}}),
		"NewFromSettings": analyzer.NewFromSettings(s),
	} {
		t.Run(name, func(t *testing.T) {
			pkgs, fset := runOnce(t, a)
			if len(pkgs) == 0 {
				t.Fatal("the run analysed no package")
			}
			// A run's entry is dropped by a cleanup, which runs after
			// the collection that finds its FileSet unreachable; the
			// packages go in a later one.
			for i := 0; i < 100 && collected(pkgs) < len(pkgs); i++ {
				runtime.GC()
				time.Sleep(10 * time.Millisecond)
			}
			if fset.Value() != nil {
				t.Errorf("the run's FileSet is still alive after the run")
			}
			if alive := len(pkgs) - collected(pkgs); alive > 0 {
				t.Errorf("%d of the run's %d packages (and their imports) are still alive after the run", alive, len(pkgs))
			}
			runtime.KeepAlive(a) // the host keeps its analyzer
		})
	}
	runtime.KeepAlive(s)
}

// runOnce runs a on packages of the testdata module, with findings that
// name constants of imported packages and of the -constants package, and
// returns weak pointers to the run's packages, their imports and its
// FileSet.
func runOnce(t *testing.T, a *analysis.Analyzer) ([]weak.Pointer[types.Package], weak.Pointer[token.FileSet]) {
	t.Helper()
	rec := &recorder{}
	results := analysistest.Run(rec, testdata, a, "example.com/app/zeroconfig", "example.com/app/several")
	var pkgs []weak.Pointer[types.Package]
	var fset weak.Pointer[token.FileSet]
	reported := 0
	for _, r := range results {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Pass.Pkg.Path(), r.Err)
		}
		reported += len(r.Diagnostics)
		fset = weak.Make(r.Pass.Fset)
		pkgs = append(pkgs, weak.Make(r.Pass.Pkg))
		for _, imp := range r.Pass.Pkg.Imports() {
			pkgs = append(pkgs, weak.Make(imp))
		}
	}
	if reported == 0 {
		t.Fatal("the run reported nothing: its caches were not used")
	}
	return pkgs, fset
}

// collected counts the packages that are gone.
func collected(pkgs []weak.Pointer[types.Package]) int {
	n := 0
	for _, p := range pkgs {
		if p.Value() == nil {
			n++
		}
	}
	return n
}
