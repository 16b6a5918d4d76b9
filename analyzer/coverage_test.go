package analyzer_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// Settings.WithCoverage (the command's -registry-coverage) makes each pass
// return every key, event name and metric name its package emits, with
// positions, and changes no finding; without it the Result holds none.
func TestResultEmitted(t *testing.T) {
	t.Parallel()
	dir := testsupport.Copy(t, testdata, "go.mod", "go.sum", "registrycoverage", "telemetry")
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Dir: dir, Env: testsupport.OfflineEnv()}, "./registrycoverage/...")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("the package does not load: %v", err)
	}
	set, err := analyzer.Config{Registry: "telemetry/coverage"}.Resolve(dir)
	if err != nil {
		t.Fatal(err)
	}
	analyse := func(set *analyzer.Settings) (emitted, diags []string) {
		graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.NewFromSettings(set)}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, act := range graph.Roots {
			if act.Err != nil {
				t.Fatal(act.Err)
			}
			fset := act.Package.Fset
			for _, e := range act.Result.(*analyzer.Result).Emitted {
				p := fset.Position(e.Pos)
				emitted = append(emitted, fmt.Sprintf("%s:%d:%d %s %s", filepath.Base(p.Filename), p.Line, p.Column, e.Role, e.Value))
			}
			for _, d := range act.Diagnostics {
				diags = append(diags, fmt.Sprintf("%s %s", fset.Position(d.Pos), d.Message))
			}
		}
		return emitted, diags
	}
	none, plain := analyse(set)
	emitted, withCoverage := analyse(set.WithCoverage())
	if none != nil {
		t.Errorf("without WithCoverage, Result.Emitted holds %q", none)
	}
	if len(plain) == 0 || !slices.Equal(plain, withCoverage) {
		t.Errorf("the findings differ:\nwithout WithCoverage:\n%q\nwith:\n%q", plain, withCoverage)
	}
	want := []string{
		"meters.go:13:29 metric name checkout.duration",
		"meters.go:15:25 metric name checkout.items",
		"registrycoverage.go:19:20 attribute key checkout.cart.id",
		"registrycoverage.go:20:17 attribute key checkout.cart.size",
		"registrycoverage.go:21:20 attribute key checkout.header.x_request_id",
		"registrycoverage.go:22:3 attribute key platform.tenant.id",
		"registrycoverage.go:23:20 attribute key checkout.promo",
		"registrycoverage.go:25:16 event name checkout.completed",
		"registrycoverage.go:25:76 attribute key checkout.cart.id",
		"registrycoverage.go:26:16 event name checkout.cancelled",
	}
	slices.Sort(emitted)
	if !slices.Equal(emitted, want) {
		t.Errorf("Result.Emitted:\n%q\nwant:\n%q", emitted, want)
	}
}
