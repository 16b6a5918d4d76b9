package analyzer_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// registryCases are the testdata packages of the -registry checks.
var registryCases = []pkgCase{
	app("registrycheck", analyzer.Config{Registry: "telemetry/v1"}),
	app("registryvalues", analyzer.Config{Registry: "telemetry/v1", Stability: "stable"}),
	app("registrymigrate", analyzer.Config{Registry: "telemetry/v1", MigrateDeprecated: true}),
	app("registrymetrics", analyzer.Config{Registry: "telemetry/v1", Stability: "stable"}),
	app("registrygenerated", analyzer.Config{Registry: "telemetry/v1"}),
	app("registrytestmember", analyzer.Config{Registry: "telemetry/v1"}),
	app("registrygeneratedconfigured", analyzer.Config{Registry: "telemetry/v1", Constants: []string{"example.com/app/registrygenerated/shopconv"}}),
}

func TestRegistryChecks(t *testing.T) {
	t.Parallel()
	runCases(t, registryCases, nil)
}

// TestRegistrySyntaxes checks that the registry in Weaver's v1 syntax and
// the same registry in the v2 syntax give the same findings.
func TestRegistrySyntaxes(t *testing.T) {
	t.Parallel()
	dir := testsupport.Copy(t, testdata, "go.mod", "go.sum", "registrycheck", "registryvalues", "registrymetrics", "telemetry")
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Dir: dir, Env: testsupport.OfflineEnv()}, "./registrycheck", "./registryvalues", "./registrymetrics")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("the package does not load: %v", err)
	}
	v1 := diagnostics(t, pkgs, analyzer.Config{Registry: "telemetry/v1", Stability: "stable"})
	v2 := diagnostics(t, pkgs, analyzer.Config{Registry: "telemetry/v2", Stability: "stable"})
	str := func(ds []diag, v string) []string {
		var out []string
		for _, d := range ds {
			// The two files declare the same things on other lines.
			m := yamlLine.ReplaceAllString(d.message, "shop.yaml:L:C")
			out = append(out, d.posn+": "+strings.ReplaceAll(m, "telemetry/"+v+"/", "telemetry/VERSION/"))
		}
		return out
	}
	s1, s2 := str(v1, "v1"), str(v2, "v2")
	if !slices.Equal(s1, s2) {
		t.Errorf("v1 findings:\n%s\nv2 findings:\n%s", strings.Join(s1, "\n"), strings.Join(s2, "\n"))
	}
	for _, want := range []string{"is not declared in the registry (telemetry/VERSION/model/shop.yaml)", "which is no member of its enum in the registry", "is deprecated in the registry", "below -stability=stable", "is an int in the registry",
		`metric name "shop.order" is not declared in the registry (telemetry/VERSION/model/shop.yaml)`,
		"is a counter in the registry (telemetry/VERSION/model/shop.yaml:L:C), created here with Float64Histogram",
		`unit "ms" of "shop.checkout.duration" is "s" in the registry`, "the registry (telemetry/VERSION/model/shop.yaml:L:C) gives it",
		`metric "shop.order.count" is deprecated in the registry (telemetry/VERSION/model/shop.yaml:L:C): renamed to "shop.orders"`,
		`metric "shop.cart.items" is beta in the registry (telemetry/VERSION/model/shop.yaml:L:C), below -stability=stable`} {
		if !slices.ContainsFunc(s2, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("no finding with %q: %q", want, s2)
		}
	}
}

var yamlLine = regexp.MustCompile(`shop\.yaml:\d+:\d+`)
