package analyzer_test

import (
	"errors"
	"flag"
	"slices"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// valueCases are the testdata packages of the value checks (value types,
// enum members, stability), each with its configuration; they are loaded
// and checked, goldens included, with the module's other cases.
var valueCases = slices.Concat(
	appCases(analyzer.Config{}, "valuetype", "valuetypeproject", "valuetypetests", "enummember", "enummembernoimport", "enummemberimport", "enummemberold"),
	appCases(analyzer.Config{NoDeprecated: true}, "enummemberint"),
	appCases(analyzer.Config{Stability: "stable"}, "stability", "valuetypegen", "stabilityuses"),
	appCases(analyzer.Config{Stability: "release_candidate"}, "stabilityrc"),
)

// appCases are packages of the testdata module with one configuration.
func appCases(cfg analyzer.Config, pkgs ...string) []pkgCase {
	var cs []pkgCase
	for _, p := range pkgs {
		cs = append(cs, app(p, cfg))
	}
	return cs
}

func TestValueChecks(t *testing.T) {
	t.Parallel()
	runCases(t, valueCases, nil)
}

// TestValueCheckFlags checks the value checks' options: -stability takes
// a level and nothing else, and the boolean checks turn off.
func TestValueCheckFlags(t *testing.T) {
	for _, level := range []string{"", "stable", "release_candidate", "beta", "alpha", "development"} {
		if _, err := (analyzer.Config{Stability: level}).Resolve(""); err != nil {
			t.Errorf("-stability=%s: %v", level, err)
		}
	}
	_, err := analyzer.Config{Stability: "experimental"}.Resolve("")
	var ce *analyzer.ConfigError
	if !errors.As(err, &ce) || err.Error() != `-stability: "experimental" is not a stability level (want one of stable, release_candidate, beta, alpha, development)` {
		t.Errorf("-stability=experimental: %v, want a ConfigError naming the levels", err)
	}
	var cfg analyzer.Config
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	cfg.BindFlags(fs)
	if err := fs.Parse([]string{"-value-types=false", "-enum-members=false", "-stability=beta"}); err != nil {
		t.Fatal(err)
	}
	if !cfg.NoValueTypes || !cfg.NoEnumMembers || cfg.Stability != "beta" {
		t.Errorf("flags set %+v", cfg)
	}
}

// TestValueChecksOff runs the value-check cases with each check turned
// off: none of its reports is left.
func TestValueChecksOff(t *testing.T) {
	t.Parallel()
	// A copy at a stable path (testsupport.Copy), not the checkout's
	// testdata: the load compiles the module's packages for their export
	// data, which a rerun or a fresh clone then finds in the build cache.
	dir := testsupport.Copy(t, testdata)
	cases := []struct {
		cfg  analyzer.Config
		gone []string
	}{
		{analyzer.Config{NoValueTypes: true}, []string{"in the semantic conventions, set here with", "one key, one type"}},
		{analyzer.Config{NoEnumMembers: true}, []string{"enum member", "which is no member of its enum"}},
	}
	var cfgs []analyzer.Config
	for _, tc := range cases {
		cfgs = append(cfgs, tc.cfg)
	}
	diags := analyzeEach(t, dir, cfgs...)
	for i, tc := range cases {
		for _, d := range diags[i] {
			for _, g := range tc.gone {
				if strings.Contains(d.message, g) {
					t.Errorf("%+v: %s: %s", tc.cfg, d.posn, d.message)
				}
			}
		}
	}
}
