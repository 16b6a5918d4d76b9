package analyzer_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// testdata is a module that requires the real go.opentelemetry.io/otel
// pinned in go.mod; analysistest loads it with GOPROXY=off from the module
// cache that "go mod download" filled.
var testdata = filepath.Join("..", "testdata", "src")

const tracingPkg = "example.com/app/internal/tracing"

// analyzerCases are the packages of the testdata module with what each
// tests in its "// want" comments and .golden files.
var analyzerCases = []pkgCase{
	app("positions", analyzer.Config{}),
	app("zeroconfig", analyzer.Config{}),
	app("zeroconfigkey", analyzer.Config{}),
	app("configured", analyzer.Config{Constants: []string{tracingPkg}}),
	app("aliases", analyzer.Config{}),
	app("semconvfix", analyzer.Config{}),
	app("semconvhint", analyzer.Config{}),
	app("fixidempotent", analyzer.Config{}),
	app("semconvfixinuse", analyzer.Config{}),
	app("semconvversion", analyzer.Config{}),
	app("testonly", analyzer.Config{}),
	app("unrelatedlocal", analyzer.Config{}),
	app("coincidental", analyzer.Config{}),
	app("vardef", analyzer.Config{}),
	app("fieldmessages", analyzer.Config{}), // issue 19's repro of its messages
	app("pinning", analyzer.Config{}),
	app("derived", analyzer.Config{Constants: []string{"example.com/app/internal/derived"}}),
	app("several", analyzer.Config{}),
	app("generated", analyzer.Config{}),
	app("nolint", analyzer.Config{}),
	app("lookalike", analyzer.Config{}),
	app("cycle", analyzer.Config{Constants: []string{"example.com/app/cycleconsts"}}),
	app("spannames", analyzer.Config{SpanNames: true}),
	app("internal/tracing", analyzer.Config{}), // constant declarations are not hard-coded
	app("deprecated", analyzer.Config{}),
	app("migrate", analyzer.Config{MigrateDeprecated: true}),
	app("naming", analyzer.Config{}),
	app("typos", analyzer.Config{}),
	app("rules", analyzer.Config{KeyPrefixes: []string{"journey", "gen_ai"}, ForbiddenKeys: []string{"user.email"}, EventStyle: "upper"}),
}

func TestAnalyzer(t *testing.T) {
	t.Parallel()
	runCases(t, analyzerCases, nil)
}

func TestConfigCheck(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		constants []string
		wantErr   string
	}{
		{[]string{tracingPkg}, ""},
		{[]string{"example.com/app/internal/..."}, ""},
		{[]string{"example.com/app/nosuchpkg"}, `-constants: no package matches "example.com/app/nosuchpkg"`},
		{[]string{"example.com/app/nosuch/..."}, `-constants: no package matches "example.com/app/nosuch/..."`},
		{[]string{"./internal/tracing"}, `is not an import path or pattern`},
	} {
		cfg := analyzer.Config{Constants: tc.constants}
		err := cfg.Check(filepath.Join(testdata, "positions"))
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%v: unexpected error %v", tc.constants, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%v: error %v, want one containing %q", tc.constants, err, tc.wantErr)
		}
	}
}

// TestResultListsUnmatched checks what spanattrlint gen builds on: the
// strings that no constant defines, with what they name.
func TestResultListsUnmatched(t *testing.T) {
	t.Parallel()
	results := check(t, app("positions", analyzer.Config{}))
	var got []string
	for _, r := range results {
		for _, u := range r.Result.(*analyzer.Result).Unmatched {
			got = append(got, u.Role+" "+u.Value)
		}
	}
	slices.Sort(got)
	want := []string{"attribute key engine.cache_hit", "attribute key journey.step", "event name journey.UNKNOWN"}
	if !slices.Equal(got, want) {
		t.Errorf("unmatched = %q, want %q", got, want)
	}
}

// TestResultListsConstantPackages checks the packages offered with no
// configuration, which spanattrlint gen passes on as -constants.
func TestResultListsConstantPackages(t *testing.T) {
	t.Parallel()
	for _, pkg := range []string{"zeroconfig", "zeroconfigkey"} {
		for _, r := range check(t, app(pkg, analyzer.Config{})) {
			if got := r.Result.(*analyzer.Result).ConstantPackages; !slices.Equal(got, []string{tracingPkg}) {
				t.Errorf("%s: constant packages = %q, want [%s]", pkg, got, tracingPkg)
			}
		}
	}
}
