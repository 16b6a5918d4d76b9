package main_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// badRegistryLine is what every front end says of testdata/src's
// telemetry/bad, whose event refs a key nobody declares: the file, line
// and column, relative to the module root as -registry names it.
const badRegistryLine = `telemetry/bad/model/shop.yaml:18:14: ref "shop.order.idd" names no attribute of the registry or its dependencies`

// A registry that cannot be read is one line and exit status 1, before
// any package is analysed (no finding is printed), under the command, go
// vet (one process per package, said once) and gen (which writes nothing).
func TestBadRegistryIsOneLine(t *testing.T) {
	t.Parallel()
	dir := sharedTestdata(t)
	before := snapshot(t, dir)
	stdout, stderr, code := run(t, dir, bin, "-registry=telemetry/bad", "./registrycheck", "./valuetype")
	if code != 1 || stdout != "" || stderr != badRegistryLine+"\n" {
		t.Errorf("standalone: exit %d, want 1; stdout %q; stderr:\n%s\nwant:\n%s", code, stdout, stderr, badRegistryLine)
	}
	_, stderr, code = run(t, dir, "go", "vet", "-vettool="+bin, "-registry=telemetry/bad", "./registrycheck", "./valuetype", "./enummember")
	var said []string
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(l, "# ") {
			said = append(said, l)
		}
	}
	if code == 0 || !slices.Equal(said, []string{badRegistryLine}) {
		t.Errorf("go vet: exit %d, want non-zero and the one line; stderr:\n%s", code, stderr)
	}
	stdout, stderr, code = run(t, dir, bin, "gen", "-into=./registrygen", "-registry=telemetry/bad", "./registrycheck")
	if code != 1 || stdout != "" || stderr != badRegistryLine+"\n" {
		t.Errorf("gen: exit %d, want 1; stdout %q; stderr:\n%s\nwant:\n%s", code, stdout, stderr, badRegistryLine)
	}
	sameFiles(t, before, snapshot(t, dir))
}

// The command and go vet report the same keys and event names that the
// registry does not declare.
func TestRegistryUnderGoVet(t *testing.T) {
	t.Parallel()
	dir := sharedTestdata(t)
	_, standalone, code := run(t, dir, bin, "-registry=telemetry/v1", "./registrycheck")
	if code != 3 {
		t.Fatalf("standalone: exit %d, want 3; stderr:\n%s", code, standalone)
	}
	_, vet, _ := run(t, dir, "go", "vet", "-vettool="+bin, "-registry=telemetry/v1", "./registrycheck")
	undeclared := func(out string) []string {
		var ls []string
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, "declared in the registry") || strings.Contains(l, "is a template in the registry") {
				_, after, _ := strings.Cut(l, "registrycheck.go:")
				ls = append(ls, after)
			}
		}
		slices.Sort(ls)
		return ls
	}
	s, v := undeclared(standalone), undeclared(vet)
	if len(s) != 8 || !slices.Equal(s, v) {
		t.Errorf("standalone (%d):\n%s\ngo vet (%d):\n%s", len(s), strings.Join(s, "\n"), len(v), strings.Join(v, "\n"))
	}
}

// A relative -registry is taken from the module root wherever the command
// runs, the test main that go test generates for a package with tests (no
// directory of its own) included.
func TestRegistryFromAPackageDirectory(t *testing.T) {
	t.Parallel()
	dir := sharedTestdata(t)
	_, stderr, code := run(t, filepath.Join(dir, "valuetypetests"), bin, "-registry=telemetry/v1", ".")
	if code != 3 || strings.Contains(stderr, "cannot read the registry") || !strings.Contains(stderr, `attribute key "valuetypetests.key" is not declared in the registry (telemetry/v1/manifest.yaml)`) {
		t.Errorf("exit %d, want 3 and the undeclared key; stderr:\n%s", code, stderr)
	}
}

// A registry on a git-ignored local copy of upstream that is not there is
// one line that says how to go on; -registry-embedded takes the embedded
// conventions for it, which declare the upstream keys.
func TestRegistryEmbedded(t *testing.T) {
	t.Parallel()
	dir := sharedTestdata(t)
	want := `telemetry/fetched/manifest.yaml:7:20: dependency registry_path ".deps/upstream-v1.37.0[model]" is missing (no directory .deps/upstream-v1.37.0/model nor telemetry/fetched/.deps/upstream-v1.37.0/model); fetch it there, or use -registry-embedded=.deps/upstream-v1.37.0[model] to take spanattrlint's embedded semantic conventions (1.44.0) instead` + "\n"
	stdout, stderr, code := run(t, dir, bin, "-registry=telemetry/fetched", "./registrycheck")
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("without -registry-embedded: exit %d, want 1; stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	_, stderr, code = run(t, dir, bin, "-registry=telemetry/fetched", "-registry-embedded=.deps/upstream-v1.37.0[model]", "./registrycheck")
	if code != 3 || !strings.Contains(stderr, `attribute key "shop.order.totl" is not declared in the registry`) || strings.Contains(stderr, `"http.request.method" is not declared`) {
		t.Errorf("with -registry-embedded: exit %d, want 3, shop.order.totl undeclared and http.request.method declared; stderr:\n%s", code, stderr)
	}
}
