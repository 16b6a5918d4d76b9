package analyzer_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// TestConstantsErrors: a -constants entry that cannot serve says why, in
// one line, instead of "no package matches".
func TestConstantsErrors(t *testing.T) {
	t.Setenv("GOPROXY", "off")
	for _, tc := range []struct{ pattern, want string }{
		{"net/http", `-constants: "net/http" is in the standard library, not a constants package of module example.com/app or of a module it requires`},
		{"net/...", `-constants: "net/..." is in the standard library`},
		{"github.com/foo/bar", `-constants: "github.com/foo/bar" is in no module that module example.com/app requires: add its module with go get, or name a package of the main module`},
		{"go.opentelemetry.io/otel/nosuch", `-constants: no package matches "go.opentelemetry.io/otel/nosuch" in go.opentelemetry.io/otel@v1.47.0, which module example.com/app requires`},
		{"example.com/app/positions", `-constants: "example.com/app/positions" declares no exported constants: it is not a constants package`},
		{"example.com/app/constpkgerr/onlytest", `-constants: "example.com/app/constpkgerr/onlytest" has only test files (_test.go), which no other package can import`},
		{"example.com/app/constpkgerr/cmd", `-constants: "example.com/app/constpkgerr/cmd" is a main package (a command), which no other package can import`},
		{"example.com/app/constpkgerr/tagged", `-constants: "example.com/app/constpkgerr/tagged" has no Go files for this build: build constraints exclude them all`},
		{"example.com/app/constpkgerr/...", `-constants: no package that "example.com/app/constpkgerr/..." matches can hold constants for others: "example.com/app/constpkgerr/cmd" is a main package`},
		{"example.com/app/nosuchpkg", `-constants: no package matches "example.com/app/nosuchpkg" in module example.com/app (no directory `},
	} {
		cfg := analyzer.Config{Constants: []string{tc.pattern}}
		err := cfg.Check(filepath.Join(testdata, "positions"))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("-constants=%s: error %v\nwant one line starting %s", tc.pattern, err, tc.want)
		}
	}
	// What serves still does: a package of a required module.
	cfg := analyzer.Config{Constants: []string{"go.opentelemetry.io/otel/semconv/v1.43.0"}}
	if err := cfg.Check(filepath.Join(testdata, "positions")); err != nil {
		t.Errorf("a semconv package: %v", err)
	}
}
