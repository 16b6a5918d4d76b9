package analyzer_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// testdata is a module that requires the real go.opentelemetry.io/otel
// pinned in go.mod; analysistest loads it with GOPROXY=off from the module
// cache that "go mod download" filled.
var testdata = filepath.Join("..", "testdata", "src")

const tracingPkg = "example.com/app/internal/tracing"

func TestAnalyzer(t *testing.T) {
	for _, tc := range []struct {
		pkg string
		cfg analyzer.Config
	}{
		{"positions", analyzer.Config{}},
		{"zeroconfig", analyzer.Config{}},
		{"zeroconfigkey", analyzer.Config{}},
		{"configured", analyzer.Config{Constants: []string{tracingPkg}}},
		{"aliases", analyzer.Config{}},
		{"semconvfix", analyzer.Config{}},
		{"semconvhint", analyzer.Config{}},
		{"semconvversion", analyzer.Config{}},
		{"testonly", analyzer.Config{}},
		{"unrelatedlocal", analyzer.Config{}},
		{"pinning", analyzer.Config{}},
		{"derived", analyzer.Config{Constants: []string{"example.com/app/internal/derived"}}},
		{"several", analyzer.Config{}},
		{"generated", analyzer.Config{}},
		{"nolint", analyzer.Config{}},
		{"lookalike", analyzer.Config{}},
		{"cycle", analyzer.Config{Constants: []string{"example.com/app/cycleconsts"}}},
		{"spannames", analyzer.Config{SpanNames: true}},
		{"internal/tracing", analyzer.Config{}}, // constant declarations are not hard-coded
		{"deprecated", analyzer.Config{}},
		{"migrate", analyzer.Config{MigrateDeprecated: true}},
		{"naming", analyzer.Config{}},
		{"typos", analyzer.Config{}},
		{"rules", analyzer.Config{KeyPrefixes: []string{"journey", "gen_ai"}, ForbiddenKeys: []string{"user.email"}, EventStyle: "upper"}},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(tc.cfg), "example.com/app/"+tc.pkg)
		})
	}
}

func TestConfigCheck(t *testing.T) {
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
	results := analysistest.Run(t, testdata, analyzer.New(analyzer.Config{}), "example.com/app/positions")
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
	for _, pkg := range []string{"zeroconfig", "zeroconfigkey"} {
		results := analysistest.Run(t, testdata, analyzer.New(analyzer.Config{}), "example.com/app/"+pkg)
		for _, r := range results {
			if got := r.Result.(*analyzer.Result).ConstantPackages; !slices.Equal(got, []string{tracingPkg}) {
				t.Errorf("%s: constant packages = %q, want [%s]", pkg, got, tracingPkg)
			}
		}
	}
}
