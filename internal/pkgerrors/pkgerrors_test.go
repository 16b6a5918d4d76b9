package pkgerrors

import (
	"errors"
	"testing"

	"golang.org/x/tools/go/packages"
)

// A message whose first line ends with a colon is said with the lines it
// introduces: the go command's advice for a path no module provides.
func TestListSaysTheWholeMessage(t *testing.T) {
	p := &packages.Package{ID: "example.com/app/nosuch", PkgPath: "example.com/app/nosuch", Errors: []packages.Error{{
		Kind: packages.ListError,
		Msg:  "no required module provides package example.com/app/nosuch; to add it:\n\tgo get example.com/app/nosuch",
	}}}
	errs, _ := List([]*packages.Package{p}, "")
	want := "no required module provides package example.com/app/nosuch; to add it: go get example.com/app/nosuch"
	if len(errs) != 1 || errs[0].String() != want {
		t.Errorf("List = %v, want [%s]", errs, want)
	}
}

// go/packages' wrapping of a go command's failure is taken off; a go
// command that was killed says so.
func TestGoCommand(t *testing.T) {
	for _, c := range []struct{ err, want string }{
		{"err: exit status 1: stderr: go: go.mod requires go >= 1.99.0 (running go 1.26.8; GOTOOLCHAIN=local)\n",
			"go: go.mod requires go >= 1.99.0 (running go 1.26.8; GOTOOLCHAIN=local)"},
		{"err: signal: killed: stderr: ", "the go command was killed (signal: killed) before it listed the packages"},
		{"couldn't run 'go': err: exit status 2: stderr: ", "the go command failed without saying why (exit status 2)"},
		{"pattern ./x/...: lstat ./x/: no such file or directory", "pattern ./x/...: lstat ./x/: no such file or directory"},
	} {
		if got := GoCommand(errors.New(c.err)); got != c.want {
			t.Errorf("GoCommand(%q) = %q, want %q", c.err, got, c.want)
		}
	}
}
