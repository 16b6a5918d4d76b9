package main_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGoVetSemconvHintModuleOtel: under go vet too, the semconv hint names
// a package of the otel version that the module requires (testdata/oldotel
// is on otel v1.28.0, whose newest semconv package is v1.26.0).
func TestGoVetSemconvHintModuleOtel(t *testing.T) {
	t.Parallel()
	dir := sharedCopy(t, filepath.Join(root, "testdata", "oldotel"))
	before := snapshot(t, dir)
	want := `hard-coded attribute key "session.id": use semconv.SessionIDKey (import "go.opentelemetry.io/otel/semconv/v1.26.0")`
	_, standalone, _ := run(t, dir, bin, "./semconvhint")
	_, vet, _ := run(t, dir, "go", "vet", "-vettool="+bin, "./semconvhint")
	for name, out := range map[string]string{"standalone": standalone, "go vet": vet} {
		if !strings.Contains(out, want) || strings.Contains(out, "v1.43.0") {
			t.Errorf("%s: want %s, got:\n%s", name, want, out)
		}
	}
	sameFiles(t, before, snapshot(t, dir))
}
