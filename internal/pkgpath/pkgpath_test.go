package pkgpath

import "testing"

func TestImportable(t *testing.T) {
	for _, tc := range []struct {
		from, to string
		want     bool
	}{
		{"example.com/app/engine", "example.com/app/internal/tracing", true},
		{"example.com/app", "example.com/app/internal", true},
		{"example.com/app/engine [example.com/app/engine.test]", "example.com/app/internal/tracing", true},
		{"example.com/other", "example.com/app/internal/tracing", false},
		{"example.com/appx/engine", "example.com/app/internal/tracing", false},
		{"example.com/app/engine", "example.com/app/tracing", true},
		{"example.com/app", "internal/tracing", false},
		{"example.com/app/engine_test", "example.com/app/engine/internal/t", true},
		{"example.com/app/api", "example.com/app/engine/internal/t", false},
	} {
		if got := Importable(tc.from, tc.to); got != tc.want {
			t.Errorf("Importable(%q, %q) = %v, want %v", tc.from, tc.to, got, tc.want)
		}
	}
}

// TestIsStd: goimports' rule, which groups the standard library's imports
// apart: no dot in the path's first element.
func TestIsStd(t *testing.T) {
	for p, want := range map[string]bool{
		"fmt":                          true,
		"net/http":                     true,
		"golang.org/x/tools/go/ast":    false,
		"go.opentelemetry.io/otel":     false,
		"example.com":                  false,
		"internal/example.com/tracing": true,
	} {
		if got := IsStd(p); got != want {
			t.Errorf("IsStd(%q) = %v, want %v", p, got, want)
		}
	}
}
