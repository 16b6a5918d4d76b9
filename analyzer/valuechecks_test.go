package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// valueCases are the testdata packages of the value checks (value types,
// enum members, stability), by configuration; each case is one
// analysistest run over its packages, goldens included.
var valueCases = []struct {
	name string
	cfg  analyzer.Config
	pkgs []string
}{
	{"default", analyzer.Config{}, []string{"valuetype", "valuetypeproject", "enummember", "enummembernoimport", "enummemberimport"}},
	{"nodeprecated", analyzer.Config{NoDeprecated: true}, []string{"enummemberint"}},
	{"stable", analyzer.Config{Stability: "stable"}, []string{"stability"}},
	{"rc", analyzer.Config{Stability: "release_candidate"}, []string{"stabilityrc"}},
}

func TestValueChecks(t *testing.T) {
	for _, c := range valueCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var pkgs []string
			for _, p := range c.pkgs {
				pkgs = append(pkgs, "example.com/app/"+p)
			}
			analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(c.cfg), pkgs...)
		})
	}
}
