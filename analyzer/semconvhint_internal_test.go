package analyzer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/index"
	"github.com/spanattrlint/spanattrlint/internal/modresolve"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// hintFor is the message for a hard-coded value that only the semconv
// table names, with the module's otel version otel, where no fix can
// import its package.
func hintFor(r site.Role, value, otel string) string {
	f := &site.Finding{Site: &site.Site{Role: r, Value: value}, Cands: index.SemconvCandidates(value, r, otel)}
	return findingMessage(f, nil)
}

// TestSemconvHintWithoutModule: where no go.mod tells the otel version
// (Bazel's nogo), the hint names no import the module may lack but the
// otel version the constant needs (and what the newest package needs).
func TestSemconvHintWithoutModule(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		r           site.Role
		value, otel string
		want        string
	}{
		{site.Key, "session.id", "",
			`hard-coded attribute key "session.id": use semconv.SessionIDKey, which needs go.opentelemetry.io/otel v1.22.0 or newer (semconv/v1.22.0; its newest package, semconv/v1.43.0, needs otel v1.45.0)`},
		{site.Key, "session.id", "v1.28.0",
			`hard-coded attribute key "session.id": use semconv.SessionIDKey (import "go.opentelemetry.io/otel/semconv/v1.26.0")`},
		{site.Key, "session.id", "v1.47.0",
			`hard-coded attribute key "session.id": use semconv.SessionIDKey (import "go.opentelemetry.io/otel/semconv/v1.43.0")`},
		{site.Key, "session.id", "v1.21.0",
			`hard-coded attribute key "session.id": go.opentelemetry.io/otel v1.21.0, which the module requires, has no semconv constant for it: semconv.SessionIDKey needs otel v1.22.0 or newer (import "go.opentelemetry.io/otel/semconv/v1.22.0")`},
		{site.Event, "exception", "",
			`hard-coded event name "exception": use semconv.ExceptionEventName, which needs go.opentelemetry.io/otel v1.0.1 or newer (semconv/v1.4.0; its newest package, semconv/v1.43.0, needs otel v1.45.0)`},
		{site.Key, "no.such.key", "", `hard-coded attribute key "no.such.key": no constant defines it`},
	} {
		if got := hintFor(tc.r, tc.value, tc.otel); got != tc.want {
			t.Errorf("%s %q, otel %q:\n got %s\nwant %s", tc.r, tc.value, tc.otel, got, tc.want)
		}
	}
}

// TestModuleOtel reads the otel version from the go.mod that governs the
// package's directory, from a go.work's modules, and gives "" without one.
func TestModuleOtel(t *testing.T) {
	t.Setenv("GOWORK", "")
	root := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		name = filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(name), 0o777)
		if err := os.WriteFile(name, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	write("mod/go.mod", "module example.com/m\n\ngo 1.26\n\nrequire go.opentelemetry.io/otel v1.28.0\n")
	write("mod/p/p.go", "package p\n")
	write("none/p/p.go", "package p\n")
	write("work/go.work", "go 1.26\n\nuse (\n\t./a\n\t./b\n)\n")
	write("work/a/go.mod", "module example.com/a\n\ngo 1.26\n\nrequire go.opentelemetry.io/otel v1.24.0\n")
	write("work/b/go.mod", "module example.com/b\n\ngo 1.26\n\nrequire go.opentelemetry.io/otel v1.30.0\n")
	write("work/a/p.go", "package a\n")
	write("repl/go.mod", "module example.com/r\n\ngo 1.26\n\nrequire go.opentelemetry.io/otel v1.28.0\n\nreplace go.opentelemetry.io/otel => go.opentelemetry.io/otel v1.32.0\n")
	write("repl/p.go", "package r\n")
	for _, tc := range []struct{ file, want string }{
		{"mod/p/p.go", "v1.28.0"},
		{"none/p/p.go", ""},
		{"work/a/p.go", "v1.30.0"}, // the workspace builds with the highest
		{"repl/p.go", "v1.32.0"},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, filepath.Join(root, tc.file), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		l := &linter{res: modresolve.NewResolver()}
		if got := index.OtelVersion(l.res, packageDir(&analysis.Pass{Fset: fset, Files: []*ast.File{f}}, nil)); got != tc.want {
			t.Errorf("%s: moduleOtel = %q, want %q", tc.file, got, tc.want)
		}
	}
}
