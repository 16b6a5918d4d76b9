package main_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// go vet keeps each package's result in the build cache, under a key made
// of the package's files and what its dependencies export. spanattrlint
// reads a -constants package from disk; one that the vetted package does
// not import is not among those inputs. After a constant is added to it, a
// package that imports it is vetted again and names the constant; one that
// does not gets go vet's earlier result back, which says that no constant
// defines the key, although the command (which has no such cache) names
// it. This pins what docs/integrations.md says ("go vet and a changed
// -constants package"): if it fails on free, go vet now sees the change,
// and that note has to go.
func TestGoVetCacheAndAChangedConstantsPackage(t *testing.T) {
	t.Parallel()
	dir := testsupport.Copy(t, filepath.Join("testdata", "fixmod"), "go.mod", "go.sum", "tracing")
	write := func(rel, src string) {
		t.Helper()
		name := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("free/free.go", `package free

import "go.opentelemetry.io/otel/attribute"

var KV = attribute.String("app.new", "v")
`)
	write("imp/imp.go", `package imp

import (
	"go.opentelemetry.io/otel/attribute"

	"example.com/fixmod/tracing"
)

var _ = tracing.OrderID

var KV = attribute.String("app.new2", "v")
`)
	args := []string{"-constants=example.com/fixmod/tracing", "./free", "./imp"}
	vet := func() []string {
		t.Helper()
		_, stderr, _ := run(t, dir, "go", append([]string{"vet", "-vettool=" + bin}, args...)...)
		return findings(dir, stderr)
	}
	free := `free/free.go:5:27: hard-coded attribute key "app.new": `
	imp := `imp/imp.go:11:27: hard-coded attribute key "app.new2": `
	none := "no constant defines it"
	if got, want := vet(), []string{free + none, imp + none}; !slices.Equal(got, want) {
		t.Fatalf("go vet before the change:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	tracing := filepath.Join(dir, "tracing", "tracing.go")
	src, err := os.ReadFile(tracing)
	if err != nil {
		t.Fatal(err)
	}
	write("tracing/tracing.go", string(src)+"\nconst (\n\tNew  = \"app.new\"\n\tNew2 = \"app.new2\"\n)\n")

	_, stderr, _ := run(t, dir, bin, args...)
	if got, want := findings(dir, stderr), []string{free + "use tracing.New", imp + "use tracing.New2"}; !slices.Equal(got, want) {
		t.Fatalf("the command after the change:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got := vet()
	if !slices.Contains(got, imp+"use tracing.New2") {
		t.Errorf("go vet after the change did not vet imp, which imports the constants package, again:\n%s", strings.Join(got, "\n"))
	}
	if !slices.Contains(got, free+none) {
		t.Errorf("go vet after the change no longer reuses its cached result for free, which does not import the constants package:\n%s\n"+
			"update docs/integrations.md (go vet and a changed -constants package) and this test", strings.Join(got, "\n"))
	}
}
