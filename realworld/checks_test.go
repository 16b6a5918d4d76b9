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
