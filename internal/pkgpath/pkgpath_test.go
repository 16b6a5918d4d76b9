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
