package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A key whose constant lives in another module, which one package already
// uses as a key (the collector's service module and
// go.opentelemetry.io/collector/internal/telemetry.ComponentKindKey), is
// not new in the other packages: gen writes no duplicate of it and points
// the literal at the dependency's constant. A dependency's internal
// package is offered only where the import rules allow it.
func TestDependencyModuleConstantIsNoNewConstant(t *testing.T) {
	dir := copyModule(t)
	dep := t.TempDir()
	writeFile(t, filepath.Join(dep, "go.mod"), "module example.com/dep\n\ngo 1.26.0\n")
	writeFile(t, filepath.Join(dep, "keys", "keys.go"),
		"// Package keys is a dependency module's key constants.\npackage keys\n\n// ComponentKindKey is the component kind.\nconst ComponentKindKey = \"otelcol.component.kind\"\n")
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	gomod = append(gomod, "\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => "+filepath.ToSlash(dep)+"\n"...)
	writeFile(t, filepath.Join(dir, "go.mod"), string(gomod))
	writeFile(t, filepath.Join(dir, "usesdep", "a.go"), `// Package usesdep uses the dependency's constant as a key.
package usesdep

import (
	"example.com/dep/keys"
	"go.opentelemetry.io/otel/attribute"
)

// Attrs names the kind.
func Attrs(kind string) []attribute.KeyValue {
	return []attribute.KeyValue{attribute.String(keys.ComponentKindKey, kind)}
}
`)
	lit := filepath.Join(dir, "literal", "b.go")
	writeFile(t, lit, `// Package literal writes the same key as a literal.
package literal

import "go.opentelemetry.io/otel/attribute"

// Attrs names the kind and a key of its own.
func Attrs() []attribute.KeyValue {
	return []attribute.KeyValue{attribute.String("otelcol.component.kind", "receiver"), attribute.String("literal.own", "x")}
}
`)
	stdout, stderr, code := gen(t, dir, "-into=./internal/telemetry", "./usesdep", "./literal")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "1 new constant (1 attribute key)") {
		t.Errorf("want one new constant, for literal.own:\n%s", stdout)
	}
	consts, err := os.ReadFile(filepath.Join(dir, "internal", "telemetry", DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(consts), "otelcol.component.kind") {
		t.Errorf("a duplicate of keys.ComponentKindKey:\n%s", consts)
	}
	b, _ := os.ReadFile(lit)
	for _, want := range []string{`"example.com/dep/keys"`, "attribute.String(keys.ComponentKindKey,", "telemetry.LiteralOwnKey"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("literal/b.go lacks %s:\n%s", want, b)
		}
	}
	goCmd(t, dir, "build", "./...")
}
