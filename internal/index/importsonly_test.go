package index

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Whatever the length of the head, the import paths read from it are
// the file's, or the head is said not to hold them all.
func TestHeadImportsEveryCut(t *testing.T) {
	sources := []string{
		"package p\n\nimport \"a\"\nimport (\n\t\"b\"\n\tc \"x/c\" // c\n)\n\nfunc F() {}\n",
		"// Package p.\npackage p\n\nimport \"a\"; import \"important/b\"\n/* a comment\n */\nvar importX = 1\n",
		"package p\n\n/*\n#include <stdio.h>\n*/\nimport \"C\"\n\nimport _ \"unsafe\"\n\nconst s = `raw\nstring`\n",
		"package p\n\nimport \"a\"\n\nimport \"b\"\n\ntype T struct{}\n",
		"package p\n\nvar x = 1\n",
	}
	for _, src := range sources {
		full, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		want := specPaths(full)
		complete := 0
		for n := 1; n < len(src); n++ {
			got, ok := headImports(token.NewFileSet(), "p.go", []byte(src[:n]))
			if !ok {
				continue
			}
			complete++
			if !slices.Equal(got, want) {
				t.Errorf("the first %d bytes of\n%s\ngave %q, want %q", n, src, got, want)
			}
		}
		if complete == 0 {
			t.Errorf("no head of\n%s\nwas taken as complete", src)
		}
	}
}

// A file whose import clauses go on past the head is read whole.
func TestImportPathsPastTheHead(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\nimport \"a\"\n\n" + strings.Repeat("// a long comment line between the clauses\n", headSize/40) +
		"import \"go.opentelemetry.io/otel/semconv/v1.26.0\"\n\nfunc F() {}\n" + strings.Repeat("// tail\n", headSize/8)
	name := filepath.Join(dir, "p.go")
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got := importPaths(token.NewFileSet(), name)
	if want := []string{"a", "go.opentelemetry.io/otel/semconv/v1.26.0"}; !slices.Equal(got, want) {
		t.Errorf("importPaths = %q, want %q", got, want)
	}
}
