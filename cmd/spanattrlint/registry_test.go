package main_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
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

// gen -declare on a copy of testdata/src's registrycheck and its v1
// registry: it writes groups/registrycheck.yaml with each key's type
// from its constructors (string, with a note, where no call says), each
// event, and where it was seen; it leaves the typo of a declared key and
// the template's own key alone; then the lint against the extended
// registry reports only those two as undeclared, and a second run adds
// nothing.
func TestGenDeclareThenLint(t *testing.T) {
	t.Parallel()
	dir := testsupport.Copy(t, filepath.Join(root, "testdata", "src"), "go.mod", "go.sum", "registrycheck", "telemetry/v1")
	notDeclared := func() []string {
		t.Helper()
		_, stderr, _ := run(t, dir, bin, "-registry=telemetry/v1", "./registrycheck")
		var out []string
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, "declared in the registry") || strings.Contains(l, "is a template in the registry") {
				_, after, _ := strings.Cut(l, ".go:")
				_, after, _ = strings.Cut(after, ": ") // after line:col
				out = append(out, after)
			}
		}
		return out
	}
	if n := len(notDeclared()); n != 8 {
		t.Fatalf("before: %d undeclared, want 8", n)
	}
	stdout, stderr, code := run(t, dir, bin, "gen", "-registry=telemetry/v1", "-declare", "./registrycheck")
	wantOut := `spanattrlint gen: note: left alone: 1 key or event name that looks like a typo of a declared one ("shop.order.totl", did you mean "shop.order.total"?): correct them, or declare them yourself if they are meant
spanattrlint gen: declared 2 attribute keys and 2 event names in telemetry/v1/groups/registrycheck.yaml
`
	if code != 0 || stdout != wantOut {
		t.Fatalf("gen -declare: exit %d; stdout:\n%s\nwant:\n%s\nstderr:\n%s", code, stdout, wantOut, stderr)
	}
	got, err := os.ReadFile(filepath.Join(dir, "telemetry", "v1", "groups", "registrycheck.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := `# Declared by spanattrlint gen -declare, from the Go code: review each type and brief.
groups:
  - id: registry.registrycheck
    type: attribute_group
    brief: "Declared by spanattrlint gen -declare, from the Go code."
    attributes:
      - id: payment.method
        type: string
        stability: development
        brief: "Seen at registrycheck/registrycheck.go:36."
        note: "spanattrlint gen -declare found no call that says the type of its values (a wrapper, Map or Slice): string is a guess; check it."
      - id: shop.cart.size
        type: int
        stability: development
        brief: "Seen at registrycheck/registrycheck.go:28 and 1 more place."
  - id: event.cart.abandoned
    type: event
    name: cart.abandoned
    stability: development
    brief: "Seen at registrycheck/registrycheck.go:27."
  - id: event.shop.order.shipped
    type: event
    name: shop.order.shipped
    stability: development
    brief: "Seen at registrycheck/registrycheck.go:25 and 1 more place."
`
	if string(got) != want {
		t.Errorf("groups/registrycheck.yaml:\n%s\nwant:\n%s", got, want)
	}
	after := notDeclared()
	wantAfter := []string{
		`attribute key "shop.request.header" is a template in the registry (telemetry/v1/model/shop.yaml): the keys it declares are shop.request.header.<name>`,
		`attribute key "shop.order.totl" is not declared in the registry (telemetry/v1/model/shop.yaml); declare it or use a declared key: did you mean "shop.order.total"?`,
	}
	slices.Sort(after)
	slices.Sort(wantAfter)
	if !slices.Equal(after, wantAfter) {
		t.Errorf("after -declare the lint says:\n%s\nwant:\n%s", strings.Join(after, "\n"), strings.Join(wantAfter, "\n"))
	}
	before := snapshot(t, dir)
	stdout, _, code = run(t, dir, bin, "gen", "-registry=telemetry/v1", "-declare", "./registrycheck")
	if code != 0 || !strings.Contains(stdout, "the registry declares every key and event name the code emits") {
		t.Errorf("second run: exit %d; stdout:\n%s", code, stdout)
	}
	sameFiles(t, before, snapshot(t, dir))
}
