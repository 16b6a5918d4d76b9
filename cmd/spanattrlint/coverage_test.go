package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// -registry-coverage prints, on standard output, each attribute, event
// and metric that testdata/src's telemetry/coverage registry declares with
// whether and where registrycoverage and its package meters emit it (a template's keys by
// prefix; the platform dependency's keys where the code emits them), then
// what the code emits that nothing declares; no findings, exit status 0,
// whatever the findings. registrycoverage/coverage.golden is the table.
func TestRegistryCoverageTable(t *testing.T) {
	t.Parallel()
	dir := sharedTestdata(t)
	want, err := os.ReadFile(filepath.Join(root, "testdata", "src", "registrycoverage", "coverage.golden"))
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, dir, bin, "-registry=telemetry/coverage", "-registry-coverage", "./registrycoverage/...")
	if code != 0 || stderr != "" || stdout != string(want) {
		t.Errorf("exit %d, want 0; stderr:\n%s\nstdout:\n%s\nwant:\n%s", code, stderr, stdout, want)
	}
	// docs/registry.md shows this table.
	if doc, err := os.ReadFile(filepath.Join(root, "docs", "registry.md")); err != nil || !strings.Contains(string(doc), "```\n"+string(want)+"```\n") {
		t.Errorf("docs/registry.md does not show registrycoverage/coverage.golden (%v)", err)
	}
	// The same run without the flag reports findings (the undeclared
	// names): the report is not findings, and the flag is what changes it.
	_, stderr, code = run(t, dir, bin, "-registry=telemetry/coverage", "./registrycoverage/...")
	if code != 3 || !strings.Contains(stderr, `attribute key "checkout.promo" is not declared in the registry`) {
		t.Errorf("without -registry-coverage: exit %d, want 3 and the undeclared key; stderr:\n%s", code, stderr)
	}
}

// coverageRow is a row of -registry-coverage -json, as docs/registry.md
// describes it.
type coverageRow struct {
	Kind      string   `json:"kind"`
	Name      string   `json:"name"`
	Template  bool     `json:"template"`
	Origin    string   `json:"origin"`
	Declared  string   `json:"declared"`
	Emitted   bool     `json:"emitted"`
	Count     int      `json:"count"`
	Positions []string `json:"positions"`
}

type coverageReport struct {
	Registry   string        `json:"registry"`
	Declared   []coverageRow `json:"declared"`
	Undeclared []coverageRow `json:"undeclared"`
}

// With -json, the report is a JSON array, one object per registry: here
// telemetry/v1 (v1 syntax, on the upstream conventions) against
// registrycheck, a key under //nolint counted as emitted.
func TestRegistryCoverageJSON(t *testing.T) {
	t.Parallel()
	dir := sharedTestdata(t)
	stdout, stderr, code := run(t, dir, bin, "-registry=telemetry/v1", "-registry-coverage", "-json", "./registrycheck")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	var reps []coverageReport
	if err := json.Unmarshal([]byte(stdout), &reps); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if len(reps) != 1 || reps[0].Registry != "telemetry/v1" {
		t.Fatalf("want one report of telemetry/v1 whose metrics are not all known (upstream's are embedded), got:\n%s", stdout)
	}
	rep := reps[0]
	find := func(rows []coverageRow, kind, name string) *coverageRow {
		for i := range rows {
			if rows[i].Kind == kind && rows[i].Name == name {
				return &rows[i]
			}
		}
		t.Errorf("no %s %q in:\n%s", kind, name, stdout)
		return nil
	}
	if r := find(rep.Declared, "attribute", "shop.order.id"); r != nil {
		if r.Origin != "own" || !r.Emitted || r.Declared != "telemetry/v1/model/shop.yaml:6:13" || !slices.Equal(r.Positions, []string{"registrycheck/registrycheck.go:30:20"}) {
			t.Errorf("shop.order.id: %+v", *r)
		}
	}
	if r := find(rep.Declared, "event", "shop.order.refunded"); r != nil && (r.Emitted || r.Count != 0 || len(r.Positions) != 0) {
		t.Errorf("shop.order.refunded is emitted nowhere: %+v", *r)
	}
	if r := find(rep.Declared, "attribute", "shop.request.header"); r != nil && (!r.Template || !slices.Equal(r.Positions, []string{"registrycheck/registrycheck.go:33:20"})) {
		t.Errorf("the template is emitted by shop.request.header.x_id: %+v", *r)
	}
	if r := find(rep.Declared, "attribute", "http.request.method"); r != nil && (r.Origin != "https://opentelemetry.io/schemas/1.37.0" || !r.Emitted) {
		t.Errorf("http.request.method, emitted, is the upstream dependency's: %+v", *r)
	}
	if r := find(rep.Undeclared, "event", "shop.order.shipped"); r != nil && (r.Count != 2 || r.Origin != "" || !slices.Equal(r.Positions, []string{"registrycheck/registrycheck.go:25:16", "registrycheck/registrycheck.go:26:19"})) {
		t.Errorf("shop.order.shipped: AddEvent and SetEventName: %+v", *r)
	}
	// The template's own key is undeclared (the code must emit the keys
	// under it), in a row of its own.
	var undeclared []string
	for _, r := range rep.Undeclared {
		undeclared = append(undeclared, r.Kind+" "+r.Name)
	}
	want := []string{"attribute payment.amount", "attribute payment.method", "attribute shop.cart.size", "attribute shop.order.totl",
		"attribute shop.request.header", "event cart.abandoned", "event shop.order.shipped"}
	if !slices.Equal(undeclared, want) {
		t.Errorf("undeclared, sorted by kind and name:\n%s\nwant:\n%s", strings.Join(undeclared, "\n"), strings.Join(want, "\n"))
	}
	for _, r := range rep.Declared {
		if r.Origin != "own" && !r.Emitted {
			t.Errorf("a dependency's declaration is listed only where the code emits it: %+v", r)
		}
	}
}

// -registry-coverage compares with a registry: without -registry it is a
// usage error of one line, exit status 2, as is -fix, which it does not do.
func TestRegistryCoverageUsage(t *testing.T) {
	t.Parallel()
	dir := sharedTestdata(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-registry-coverage", "./registrycoverage"}, "spanattrlint: -registry-coverage needs -registry; run 'spanattrlint -help'\n"},
		{[]string{"-registry=telemetry/coverage", "-registry-coverage", "-fix", "./registrycoverage"}, "spanattrlint: -registry-coverage reports and fixes nothing: drop -fix; run 'spanattrlint -help'\n"},
	} {
		stdout, stderr, code := run(t, dir, bin, c.args...)
		if code != 2 || stdout != "" || stderr != c.want {
			t.Errorf("%s: exit %d, want 2; stdout %q; stderr %q, want %q", strings.Join(c.args, " "), code, stdout, stderr, c.want)
		}
	}
}

// A package that does not type-check emits what nobody knows: its errors,
// exit status 1 and no report, rather than declarations called unemitted.
func TestRegistryCoverageBrokenPackage(t *testing.T) {
	t.Parallel()
	reg := filepath.Join(sharedTestdata(t), "telemetry", "v1")
	stdout, stderr, code := run(t, sharedFixmod(t), bin, "-registry="+reg, "-registry-coverage", "./partial")
	if code != 1 || stdout != "" || !strings.Contains(stderr, "spanattrlint: -registry-coverage printed nothing: package example.com/fixmod/partial_test has errors\n") {
		t.Errorf("exit %d, want 1; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}
