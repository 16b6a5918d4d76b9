package main

import (
	"slices"
	"testing"
)

func TestVetLines(t *testing.T) {
	before := vetLines("# p\n/m/a.go:3:4: printf: bad verb\n", "/m")
	after := vetLines("# p\n/f/a.go:4:4: printf: bad verb\n/f/b.go:1:1: unusedresult: x\n", "/f")
	if got := multisetMinus(after, before); !slices.Equal(got, []string{"b.go: unusedresult: x"}) {
		t.Errorf("new vet lines: %q", got)
	}
}

func TestDiffLines(t *testing.T) {
	diff := "diff -ru src/m/a.go fixed/m/a.go\n--- src/m/a.go\n+++ fixed/m/a.go\n@@ -1,3 +1,3 @@\n ctx\n-\tx(\"k\")\n+\tx(K)\n+\n"
	if got := diffLines(diff); got != 3 {
		t.Errorf("diffLines = %d, want 3", got)
	}
}
