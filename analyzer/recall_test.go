package analyzer_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// needCgo skips a test that needs cgo where it cannot be built.
func needCgo(t *testing.T) {
	t.Helper()
	out, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	if err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is not enabled")
	}
}

// TestRecall guards packages and call forms that the analyzer used to
// skip: packages that import "C" (analysed as cmd/cgo's copies, reported
// and fixed in the user's files), method values and expressions, hand-written comments that mention
// "do not edit", a package's own constant groups, and -constants packages
// that import no OpenTelemetry package.
func TestRecall(t *testing.T) {
	for _, tc := range []struct {
		pkg string
		cfg analyzer.Config
	}{
		{"methodvalue", analyzer.Config{Constants: []string{tracingPkg}}},
		{"laxgen", analyzer.Config{}},
		{"constgroup", analyzer.Config{}},
		{"constpkgnootel", analyzer.Config{Constants: []string{"example.com/app/constpkgnootel"}, KeyPrefixes: []string{"app"}, ForbiddenKeys: []string{"user.email"}}},
		{"cgo", analyzer.Config{Constants: []string{tracingPkg}}},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			if tc.pkg == "cgo" {
				needCgo(t)
			}
			analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(tc.cfg), "example.com/app/"+tc.pkg)
		})
	}
}

// TestConstGroupUnmatched checks what spanattrlint gen builds on: a key
// whose constant sits in a group of keys is matched, so gen writes no
// second constant for it; nor for "allowed", whose local constant the
// message names; only a value no constant holds is unmatched.
func TestConstGroupUnmatched(t *testing.T) {
	results := analysistest.Run(t, testdata, analyzer.New(analyzer.Config{}), "example.com/app/constgroup")
	var got []string
	for _, r := range results {
		for _, u := range r.Result.(*analyzer.Result).Unmatched {
			got = append(got, u.Value)
		}
	}
	if !slices.Equal(got, []string{"constgroup.fresh"}) {
		t.Errorf("unmatched = %q, want [constgroup.fresh]", got)
	}
}
