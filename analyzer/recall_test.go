package analyzer_test

import (
	"slices"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// recallCases guard packages and call forms that the analyzer used to
// skip: packages that import "C" (analysed as cmd/cgo's copies, reported
// and fixed in the user's files), method values and expressions, hand-written comments that mention
// "do not edit", a package's own constant groups, and -constants packages
// that import no OpenTelemetry package.
var recallCases = []pkgCase{
	app("methodvalue", analyzer.Config{Constants: []string{tracingPkg}}),
	app("laxgen", analyzer.Config{}),
	app("constgroup", analyzer.Config{}),
	app("constpkgnootel", analyzer.Config{Constants: []string{"example.com/app/constpkgnootel"}, KeyPrefixes: []string{"app"}, ForbiddenKeys: []string{"user.email"}}),
	{dir: testdata, pkg: "example.com/app/cgo", cfg: analyzer.Config{Constants: []string{tracingPkg}}, cgo: true},
}

func TestRecall(t *testing.T) {
	t.Parallel()
	runCases(t, recallCases, nil)
}

// TestConstGroupUnmatched checks what spanattrlint gen builds on: a key
// whose constant sits in a group of keys is matched, so gen writes no
// second constant for it; a value no constant holds is unmatched, and so
// are "allowed" and "granted", whose local constants (metric labels,
// labelAllowed in a group of labels, grantedLabel used as one beside a key
// in its group) only share their values and are not the keys'.
func TestConstGroupUnmatched(t *testing.T) {
	t.Parallel()
	var got []string
	for _, r := range check(t, app("constgroup", analyzer.Config{})) {
		for _, u := range r.Result.(*analyzer.Result).Unmatched {
			got = append(got, u.Value)
		}
	}
	if !slices.Equal(got, []string{"allowed", "granted", "constgroup.fresh"}) {
		t.Errorf("unmatched = %q, want [allowed granted constgroup.fresh]", got)
	}
}
