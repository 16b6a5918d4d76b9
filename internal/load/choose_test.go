package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path string, size int) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("package p\n"+strings.Repeat("// x\n", size/5)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A package of LargePackage bytes of Go files, found by the patterns the
// command is given, and nothing else.
func TestHasLargePackage(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "small", "a.go"), 10_000)
	write(t, filepath.Join(dir, "big", "a.go"), LargePackage/2)
	write(t, filepath.Join(dir, "big", "b.go"), LargePackage/2+10)
	write(t, filepath.Join(dir, "big", "notgo.txt"), 2*LargePackage)
	write(t, filepath.Join(dir, "small", "testdata", "big", "a.go"), 2*LargePackage)
	write(t, filepath.Join(dir, "small", "_skip", "a.go"), 2*LargePackage)
	write(t, filepath.Join(dir, "nested", "go.mod"), 10)
	write(t, filepath.Join(dir, "nested", "a.go"), 2*LargePackage)
	for _, tc := range []struct {
		patterns []string
		want     bool
	}{
		{[]string{"./..."}, true},
		{[]string{"./big"}, true},
		{[]string{"./small/..."}, false}, // testdata and _skip are no packages of it
		{[]string{"./small"}, false},
		{[]string{"example.com/big"}, false}, // an import path: not looked at
		{[]string{filepath.Join(dir, "big")}, true},
	} {
		if got := HasLargePackage(dir, tc.patterns); got != tc.want {
			t.Errorf("HasLargePackage(%v) = %v, want %v", tc.patterns, got, tc.want)
		}
	}
	// A nested module is another module's package, not one of ./...
	mod := t.TempDir()
	write(t, filepath.Join(mod, "a.go"), 100)
	write(t, filepath.Join(mod, "nested", "go.mod"), 10)
	write(t, filepath.Join(mod, "nested", "a.go"), 2*LargePackage)
	if HasLargePackage(mod, []string{"./..."}) {
		t.Errorf("HasLargePackage counted a nested module's package")
	}
}
