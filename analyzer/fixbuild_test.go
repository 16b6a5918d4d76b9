package analyzer_test

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// TestFixesBuild applies every fix to one copy of the testdata module
// exactly as the analyzer gives it, the way golangci-lint --fix and editors
// do (no formatting, no import clean-up by the driver), then builds and
// vets the result and checks that nothing fixable is left. It does so in
// three rounds, with the configurations that give the most fixes:
//   - -constants, -span-names and -key-funcs: constants named for keys,
//     events and span names, at -key-funcs and inferred wrapper positions
//     too (string(K) for an attribute.Key), and the enum members of the
//     value checks;
//   - -deprecated=false and -stability=stable: the int members of
//     deprecated keys, alongside -stability's reports;
//   - -registry with -migrate-deprecated: the registry's enum members
//     and renames.
//
// In the first round, metric names are fixed with constants of packages
// that the file does not import (semconv v1.26.0, a -constants package):
// those fixes add the import, beside key fixes that add the same one.
func TestFixesBuild(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds a module")
	}
	dir := testsupport.Copy(t, testdata)
	members := func(diags []diag) int {
		n := 0
		for _, d := range diags {
			if len(d.fixes) > 0 && strings.Contains(d.message, "set to its enum member") {
				n++
			}
		}
		return n
	}
	for _, round := range []struct {
		cfg                           analyzer.Config
		fixes, members, metricImports int  // at least, or the cases are not being analysed
		again                         bool // a second run has fixes (a rename's literal)
	}{
		{analyzer.Config{Constants: []string{tracingPkg, metricConstsPkg}, SpanNames: true, KeyFuncs: keyFuncsCfg.KeyFuncs}, 120, 8, 4, false},
		{analyzer.Config{NoDeprecated: true, Stability: "stable"}, 4, 4, 0, false},
		// -registry: the registry's enum members fixed to the generated
		// package's variables (imported, or a -constants package the fix
		// imports), and its renamed keys and metric renamed
		// (-migrate-deprecated). A rename writes the successor as a
		// literal, which a constant may hold: the next run fixes that.
		{analyzer.Config{Registry: "telemetry/v1", MigrateDeprecated: true, Constants: []string{"example.com/app/registrygenerated/shopconv"}}, 5, 3, 0, true},
	} {
		diags := analyze(t, dir, round.cfg)
		mi := metricImports(diags)
		if n, m := applyFirstFixes(t, diags), members(diags); n < round.fixes || m < round.members || mi < round.metricImports {
			t.Fatalf("%+v: %d fixes, %d of them enum members, %d metric names adding an import; want at least %d, %d and %d", round.cfg, n, m, mi, round.fixes, round.members, round.metricImports)
		}
		// The testdata deliberately holds an unkeyed attribute.KeyValue
		// literal, which vet's composites check reports before and after
		// the fix alike.
		buildAndVet(t, dir, fmt.Sprintf("after applying the fixes (%+v)", round.cfg))
		if round.again {
			if n := applyFirstFixes(t, analyze(t, dir, round.cfg)); n == 0 {
				t.Errorf("%+v: a second run fixed nothing: are the renames still made?", round.cfg)
			}
			buildAndVet(t, dir, fmt.Sprintf("after applying the second run's fixes (%+v)", round.cfg))
		}
		for _, d := range analyze(t, dir, round.cfg) {
			if len(d.fixes) > 0 {
				t.Errorf("%+v: still fixable after the fixes: %s: %s", round.cfg, d.posn, d.message)
			}
		}
	}
}

const metricConstsPkg = "example.com/app/internal/metricconsts"

// metricImports counts the metric-name fixes that add an import.
func metricImports(diags []diag) int {
	n := 0
	for _, d := range diags {
		if len(d.fixes) == 0 || !strings.HasPrefix(d.message, "hard-coded metric name") {
			continue
		}
		for _, e := range d.fixes[0] {
			if strings.Contains(e.text, `"go.opentelemetry.io/otel/semconv/`) || strings.Contains(e.text, `"`+metricConstsPkg+`"`) {
				n++
				break
			}
		}
	}
	return n
}

// applyFirstFixes applies the first fix of every diagnostic to its files,
// exactly as given, as golangci-lint --fix and editors do (no formatting,
// no import clean-up), and returns how many fixes it applied.
func applyFirstFixes(t *testing.T, diags []diag) int {
	t.Helper()
	edits := map[string][]edit{}
	fixes := 0
	for _, d := range diags {
		if len(d.fixes) > 0 {
			fixes++
			for _, e := range d.fixes[0] {
				edits[e.file] = append(edits[e.file], e)
			}
		}
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
	return fixes
}

// buildAndVet builds and vets the module in dir offline; vet's composites
// check is off, as the testdata holds unkeyed attribute.KeyValue literals on
// purpose. when says at what point, for the failure message.
func buildAndVet(t *testing.T, dir, when string) {
	t.Helper()
	for _, args := range [][]string{{"build", "./..."}, {"vet", "-composites=false", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = testsupport.OfflineEnv()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %v %s: %v\n%s", args, when, err, out)
		}
	}
}

type edit struct {
	file       string
	start, end int
	text       string
}

type diag struct {
	posn, message string
	fixes         [][]edit
}

// analyze runs the analyzer on every package of the module in dir, as the
// command does, and returns the root diagnostics.
func analyze(t *testing.T, dir string, cfg analyzer.Config) []diag {
	t.Helper()
	return analyzeEach(t, dir, cfg)[0]
}

// analyzeEach loads the module in dir once and runs the analyzer of each
// configuration on it, returning the root diagnostics of each: a load
// costs far more than an analysis, and the analyzer uses no facts, so
// what it reports with one configuration does not depend on another.
func analyzeEach(t *testing.T, dir string, cfgs ...analyzer.Config) [][]diag {
	t.Helper()
	pcfg := &packages.Config{
		Mode:  packages.LoadSyntax | packages.NeedModule,
		Dir:   dir,
		Tests: true,
		Env:   testsupport.OfflineEnv(),
	}
	pkgs, err := packages.Load(pcfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the module does not load")
	}
	var all [][]diag
	for _, cfg := range cfgs {
		all = append(all, diagnostics(t, pkgs, cfg))
	}
	return all
}

// diagnostics runs the analyzer of cfg on the loaded packages and returns
// the root diagnostics.
func diagnostics(t *testing.T, pkgs []*packages.Package, cfg analyzer.Config) []diag {
	t.Helper()
	g, err := checker.Analyze([]*analysis.Analyzer{analyzer.New(cfg)}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []diag
	seen := map[string]bool{} // a file analysed in p and in p's test variant
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			posn := fset.Position(d.Pos).String()
			if seen[posn+d.Message] {
				continue
			}
			seen[posn+d.Message] = true
			dd := diag{posn: posn, message: d.Message}
			for _, f := range d.SuggestedFixes {
				var es []edit
				for _, e := range f.TextEdits {
					tf := fset.File(e.Pos)
					es = append(es, edit{tf.Name(), tf.Offset(e.Pos), tf.Offset(e.End), string(e.NewText)})
				}
				dd.fixes = append(dd.fixes, es)
			}
			out = append(out, dd)
		}
	}
	return out
}

// applyEdits applies edits as given: identical edits (the same import
// added or removed by two fixes) count once; any other overlap is an error.
func applyEdits(src []byte, es []edit) ([]byte, error) {
	var ts []testsupport.Edit
	for _, e := range es {
		ts = append(ts, testsupport.Edit{Start: e.start, End: e.end, Text: e.text})
	}
	return testsupport.Splice(src, ts)
}
