package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// testdata/semconvfix is the reproduction semconv-fix-no-import of issue
// 19 (svc writes two semconv keys and imports no semconv package), with
// three packages beside it: two import semconv v1.26.0, one v1.43.0 (the
// newest that the module's otel v1.47.0 ships).

// svc's keys are fixed with the version that most of the module's
// packages import, by the standalone command and go vet alike; the fix
// builds, vets, and leaves nothing to fix.
func TestSemconvFixImportsTheModulesVersion(t *testing.T) {
	t.Parallel()
	dir := testsupport.Copy(t, filepath.Join("testdata", "semconvfix"))
	const v26 = `"go.opentelemetry.io/otel/semconv/v1.26.0"`
	_, lint, code := run(t, dir, bin, "./...")
	if code != 3 || !strings.Contains(lint, `hard-coded attribute key "container.id": use semconv.ContainerIDKey (import `+v26+`)`) {
		t.Fatalf("lint: exit %d, want 3 and ContainerIDKey of v1.26.0:\n%s", code, lint)
	}
	_, vet, _ := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if got, want := findings(dir, vet), findings(dir, lint); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("go vet and standalone differ\nstandalone:\n%s\ngo vet:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
	if _, stderr, code := run(t, dir, bin, "-fix", "./..."); code != 0 {
		t.Fatalf("-fix: exit %d, want 0:\n%s", code, stderr)
	}
	got, err := os.ReadFile(filepath.Join(dir, "svc", "svc.go"))
	if err != nil {
		t.Fatal(err)
	}
	want := `package svc

import (
	semconv ` + v26 + `
	"go.opentelemetry.io/otel/trace"
)

func Tag(span trace.Span, id, host string) {
	span.SetAttributes(semconv.ContainerIDKey.String(id), semconv.HostNameKey.String(host))
}
`
	if string(got) != want {
		t.Errorf("svc.go after -fix:\n%s\nwant:\n%s", got, want)
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		if _, stderr, code := run(t, dir, "go", args...); code != 0 {
			t.Fatalf("go %s after -fix: exit %d\n%s", strings.Join(args, " "), code, stderr)
		}
	}
	if _, stderr, code := run(t, dir, bin, "./..."); code != 0 {
		t.Errorf("lint after -fix: exit %d, want 0:\n%s", code, stderr)
	}
}

// -semconv-version names the version the fix imports, whatever the
// module's packages import.
func TestSemconvFixImportsTheConfiguredVersion(t *testing.T) {
	t.Parallel()
	dir := testsupport.Copy(t, filepath.Join("testdata", "semconvfix"))
	// The fix moves metrics and server to v1.37.0 too; svc is what is tested.
	if _, stderr, code := run(t, dir, bin, "-fix", "-semconv-version=v1.37.0", "./svc"); code != 0 {
		t.Fatalf("-fix: exit %d, want 0:\n%s", code, stderr)
	}
	got, err := os.ReadFile(filepath.Join(dir, "svc", "svc.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), `semconv "go.opentelemetry.io/otel/semconv/v1.37.0"`) || !strings.Contains(string(got), "semconv.ContainerIDKey.String(id)") {
		t.Errorf("svc.go after -fix -semconv-version=v1.37.0:\n%s", got)
	}
	if _, stderr, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Fatalf("go build after -fix: exit %d\n%s", code, stderr)
	}
}

// In a vendored module the fix imports only a version that vendor/ holds:
// the go command builds from vendor/ alone.
func TestSemconvFixInAVendoredModule(t *testing.T) {
	t.Parallel()
	dir := testsupport.Copy(t, filepath.Join("testdata", "semconvfix"))
	if _, stderr, code := run(t, dir, "go", "mod", "vendor"); code != 0 {
		t.Fatalf("go mod vendor: exit %d\n%s", code, stderr)
	}
	svc := filepath.Join(dir, "svc", "svc.go")
	before, err := os.ReadFile(svc)
	if err != nil {
		t.Fatal(err)
	}
	// v1.37.0, which no package imports, is not in vendor/: named, not fixed.
	_, stderr, _ := run(t, dir, bin, "-fix", "-semconv-version=v1.37.0", "./svc")
	if after, _ := os.ReadFile(svc); string(after) != string(before) {
		t.Errorf("-fix -semconv-version=v1.37.0 imported a version vendor/ lacks:\n%s\n%s", after, stderr)
	}
	// v1.26.0, which metrics and server import, is.
	if _, stderr, code := run(t, dir, bin, "-fix", "./svc"); code != 0 {
		t.Fatalf("-fix: exit %d\n%s", code, stderr)
	}
	if after, _ := os.ReadFile(svc); !strings.Contains(string(after), `semconv "go.opentelemetry.io/otel/semconv/v1.26.0"`) {
		t.Errorf("svc.go after -fix:\n%s", after)
	}
	if _, stderr, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Fatalf("go build after -fix: exit %d\n%s", code, stderr)
	}
}
