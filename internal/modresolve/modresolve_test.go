package modresolve

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		name = filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(name), 0o777)
		if err := os.WriteFile(name, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestModule(t *testing.T) {
	t.Setenv("GOWORK", "")
	t.Setenv("GOMODCACHE", "/cache")
	root := writeTree(t, map[string]string{
		"m/go.mod": "module example.com/m\n\ngo 1.26\n\nrequire (\n\tgo.opentelemetry.io/otel v1.28.0\n\texample.com/dep v1.2.0\n\texample.com/dep/sub v0.3.0\n\texample.com/local v0.0.0\n)\n\nreplace example.com/local => ../local\n",
		"m/p/p.go": "package p\n",
		"x/p.go":   "package x\n",
	})
	m, err := NewResolver().Module(filepath.Join(root, "m", "p"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Root != filepath.Join(root, "m") || m.Path != "example.com/m" || m.Work != nil {
		t.Errorf("Module = %+v", m)
	}
	if v, ok := m.Require("go.opentelemetry.io/otel"); !ok || v != "v1.28.0" {
		t.Errorf("Require(otel) = %q, %t", v, ok)
	}
	if _, ok := m.Require("example.com/local"); ok {
		t.Errorf("Require of a directory replacement: want not known")
	}
	for _, tc := range []struct{ path, want string }{
		{"example.com/m/p", filepath.Join(root, "m", "p")},
		{"example.com/m", filepath.Join(root, "m")},
		{"example.com/dep/x", "/cache/example.com/dep@v1.2.0/x"},
		{"example.com/dep/sub/y", "/cache/example.com/dep/sub@v0.3.0/y"}, // the longest module path wins
		{"example.com/local/z", filepath.Join(root, "local", "z")},
		{"example.com/other", ""},
	} {
		got, ok := m.Dir(tc.path)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Dir(%s) = %q, %t; want %q", tc.path, got, ok, tc.want)
		}
	}
	if _, err := NewResolver().Module(filepath.Join(root, "x")); !errors.Is(err, ErrNotInModule) {
		t.Errorf("outside every module: error %v", err)
	}
}

func TestWorkspace(t *testing.T) {
	files := map[string]string{
		"go.work":        "go 1.26\n\nuse (\n\t./a\n\t./b\n)\n\nreplace go.opentelemetry.io/otel => go.opentelemetry.io/otel v1.40.0\n",
		"a/go.mod":       "module example.com/a\n\ngo 1.26\n\nrequire go.opentelemetry.io/otel v1.24.0\n",
		"a/tracing/t.go": "package tracing\n",
		"b/go.mod":       "module example.com/b\n\ngo 1.26\n\nrequire go.opentelemetry.io/otel v1.30.0\n",
		"b/b.go":         "package b\n",
	}
	root := writeTree(t, files)
	t.Setenv("GOWORK", "")
	r := NewResolver()
	m, err := r.Module(filepath.Join(root, "b"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Work == nil || len(m.MainModules()) != 2 || m.Describe() != "workspace "+filepath.Join(root, "go.work") {
		t.Fatalf("b in the workspace: %+v", m)
	}
	if got, ok := m.Dir("example.com/a/tracing"); !ok || got != filepath.Join(root, "a", "tracing") {
		t.Errorf("Dir(example.com/a/tracing) = %q, %t", got, ok)
	}
	if v, _ := m.Require("go.opentelemetry.io/otel"); v != "v1.40.0" {
		t.Errorf("Require(otel) = %q, want the workspace's replacement v1.40.0", v)
	}
	// At the root, which is no module: the workspace.
	if _, err := r.Module(root); !errors.Is(err, ErrNotInModule) {
		t.Errorf("root: %v", err)
	}
	w, err := r.Workspace(root)
	if err != nil || w == nil || len(w.Modules) != 2 {
		t.Fatalf("Workspace(root) = %+v, %v", w, err)
	}
	if mm, rel, ok := w.Main("example.com/a/tracing"); !ok || mm.Path != "example.com/a" || rel != "tracing" {
		t.Errorf("Main = %v, %q, %t", mm, rel, ok)
	}
	if rel, ok := Rel(w.Dir, w.Modules, filepath.Join(root, "b", "b.go")); !ok || rel != "b/b.go" {
		t.Errorf("Rel = %q, %t", rel, ok)
	}
	if _, ok := Rel(w.Dir, w.Modules, filepath.Join(root, "go.work")); ok {
		t.Errorf("Rel(go.work): the workspace file is in no module")
	}
	if h := Holder(w.Modules, filepath.Join(root, "a", "tracing")); h == nil || h.Path != "example.com/a" {
		t.Errorf("Holder = %v", h)
	}

	// GOWORK=off: b is a module of its own.
	t.Setenv("GOWORK", "off")
	m, err = NewResolver().Module(filepath.Join(root, "b"))
	if err != nil || m.Work != nil {
		t.Fatalf("GOWORK=off: %+v, %v", m, err)
	}
	if _, ok := m.Dir("example.com/a/tracing"); ok {
		t.Errorf("GOWORK=off: example.com/a/tracing resolved")
	}
	if v, _ := m.Require("go.opentelemetry.io/otel"); v != "v1.30.0" {
		t.Errorf("GOWORK=off: Require(otel) = %q", v)
	}
	// GOWORK naming the file, from a directory below no go.work.
	other := writeTree(t, map[string]string{"c/go.mod": "module example.com/c\n\ngo 1.26\n"})
	t.Setenv("GOWORK", filepath.Join(root, "go.work"))
	w, err = NewResolver().Workspace(other)
	if err != nil || w == nil || w.File != filepath.Join(root, "go.work") {
		t.Errorf("GOWORK=path: %+v, %v", w, err)
	}
	// A module the workspace does not use is a module of its own.
	m, err = NewResolver().Module(filepath.Join(other, "c"))
	if err != nil || m.Work != nil {
		t.Errorf("module outside GOWORK's workspace: %+v, %v", m, err)
	}
}

func TestWithin(t *testing.T) {
	for _, tc := range []struct {
		p, mod, rel string
		ok          bool
	}{
		{"example.com/a", "example.com/a", "", true},
		{"example.com/a/b/c", "example.com/a", "b/c", true},
		{"example.com/ab", "example.com/a", "", false},
		{"example.com/a", "", "", false},
	} {
		if rel, ok := Within(tc.p, tc.mod); rel != tc.rel || ok != tc.ok {
			t.Errorf("Within(%q, %q) = %q, %t", tc.p, tc.mod, rel, ok)
		}
	}
}
