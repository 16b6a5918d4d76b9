package analyzer_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// crosspkg is a module whose packages write every key, event name and
// span name through the module's own helper package tr (as containerd's
// tracing package does), and through obs, which wraps tr's wrappers.
var crosspkg = filepath.Join("..", "testdata", "crosspkg")

// crossWrappers loads the crosspkg module as the command does and returns
// the wrappers InferKeyFuncs finds across its packages.
func crossWrappers(t *testing.T, cfg analyzer.Config) (*analyzer.Settings, []string) {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.LoadSyntax | packages.NeedModule,
		Dir:  crosspkg,
		Env:  testsupport.OfflineEnv(),
	}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the module does not load")
	}
	var in []analyzer.Package
	for _, p := range pkgs {
		in = append(in, analyzer.Package{Fset: p.Fset, Files: p.Syntax, Types: p.Types, Info: p.TypesInfo})
	}
	set, err := cfg.Resolve("")
	if err != nil {
		t.Fatal(err)
	}
	return set, set.InferKeyFuncs(in)
}

// The wrappers of the module's helper packages are found across packages,
// transitively (obs.Tag through tr.Attribute), without configuration; a
// parameter changed before it is a key (obs.Prefixed), one that is a
// value (obs.Label), and an unexported function (obs.tag) are not
// entries. Span-name wrappers count with -span-names only.
func TestInferKeyFuncs(t *testing.T) {
	t.Parallel()
	_, got := crossWrappers(t, analyzer.Config{SpanNames: true})
	want := []string{
		"(*example.com/crosspkg-wrapper/tr.Rec).Key:0", // a generic type's method, named without its type parameters
		"(*example.com/crosspkg-wrapper/tr.Span).AddEvent:0:event",
		"example.com/crosspkg-wrapper/obs.Event:1:event",
		"example.com/crosspkg-wrapper/obs.Tag:1",
		"example.com/crosspkg-wrapper/tr.Attribute:0",
		"example.com/crosspkg-wrapper/tr.Pair:0", // two keys: two entries
		"example.com/crosspkg-wrapper/tr.Pair:2",
		"example.com/crosspkg-wrapper/tr.StartSpan:1:span",
	}
	if !slices.Equal(got, want) {
		t.Errorf("with -span-names:\n got %s\nwant %s", strings.Join(got, ","), strings.Join(want, ","))
	}
	_, got = crossWrappers(t, analyzer.Config{})
	want = slices.DeleteFunc(want, func(s string) bool { return strings.HasSuffix(s, ":span") })
	if !slices.Equal(got, want) {
		t.Errorf("without -span-names:\n got %s\nwant %s", strings.Join(got, ","), strings.Join(want, ","))
	}
}

// With the wrappers the command infers, the analyzer reports the keys,
// event names and span names written through them in every package, and
// fixes those a constant names (svc.go.golden; app.go.golden, where the
// semconv key's fix adds the import of the version the module's otel ships).
func TestCrossPackageWrappers(t *testing.T) {
	set, wrappers := crossWrappers(t, analyzer.Config{SpanNames: true})
	set, err := set.WithWrappers(wrappers)
	if err != nil {
		t.Fatal(err)
	}
	testsupport.SetOffline(t)
	a := analyzer.NewFromSettings(set)
	analysistest.Run(t, crosspkg, a, "./obs", "./tr", "./telemetry")
	analysistest.RunWithSuggestedFixes(t, crosspkg, a, "./svc", "./app")
}
