package analyzer_test

import (
	"fmt"
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
		diags := analyze(t, dir, cfg)
		members := 0
		for _, d := range diags {
			if len(d.fixes) > 0 && strings.Contains(d.message, "set to its enum member") {
				members++
			}
		}
		if cfg.NoDeprecated && members < 12 {
			t.Fatalf("only %d enum-member fixes; the value cases are not being analysed", members)
		}
		applyFirstFixes(t, diags)
		buildAndVet(t, dir, fmt.Sprintf("after applying the fixes (%+v)", cfg))
	}
	for _, d := range analyze(t, dir, analyzer.Config{NoDeprecated: true}) {
		if len(d.fixes) > 0 && strings.Contains(d.message, "enum member") {
			t.Errorf("still fixable after the fixes: %s: %s", d.posn, d.message)
		}
	}
}
