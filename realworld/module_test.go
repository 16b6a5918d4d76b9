package main

import (
	"slices"
	"testing"
)

func TestLintFlags(t *testing.T) {
	if got := lintFlags(true, true); !slices.Equal(got, []string{"-span-names"}) {
		t.Errorf("lintFlags(span names, tests) = %q", got)
	}
	if got := lintFlags(false, false); !slices.Equal(got, []string{"-test=false"}) {
		t.Errorf("lintFlags(no span names, no tests) = %q", got)
	}
}

// The rows of a run share the runner's flags: one row's own flags must not
// end up in another's.
func TestCommonFlags(t *testing.T) {
	rn := newRunner(nil, "/scratch", "/bin/spanattrlint", make([]string, 1, 8), false)
	rn.lintFlags[0] = "-span-names"
	a := rn.commonFlags(module{Label: "a", Flags: []string{"-constants=example.com/a"}})
	b := rn.commonFlags(module{Label: "b", Flags: []string{"-constants=example.com/b"}})
	if !slices.Equal(a, []string{"-span-names", "-constants=example.com/a"}) {
		t.Errorf("row a: %q", a)
	}
	if !slices.Equal(b, []string{"-span-names", "-constants=example.com/b"}) {
		t.Errorf("row b: %q", b)
	}
	if got := rn.jsonArgs(module{}); !slices.Equal(got, []string{"-json", "-span-names"}) {
		t.Errorf("jsonArgs: %q", got)
	}
}

func TestPassed(t *testing.T) {
	ok := result{BuildOK: true}
	if !ok.passed() {
		t.Error("a clean row did not pass")
	}
	for name, r := range map[string]result{
		"failed":       {Failed: "go build", BuildOK: true},
		"crash":        {Crash: "panic: x", BuildOK: true},
		"build":        {BuildOK: false},
		"vet":          {BuildOK: true, VetNew: []string{"a.go: x"}},
		"gofmt":        {BuildOK: true, Gofmt: []string{"a.go"}},
		"tests":        {BuildOK: true, TestBroken: []string{"p"}},
		"fixable left": {BuildOK: true, LeftFixable: 1},
		"fix exit":     {BuildOK: true, FixExit: 1},
	} {
		if r.passed() {
			t.Errorf("%s: passed", name)
		}
	}
}

func TestCount(t *testing.T) {
	res := &result{Counts: map[string]int{}}
	res.count([]*diag{
		{Message: `hard-coded attribute key "k": no constant defines it`},
		{Message: `hard-coded event name "e": use pkg.E`, Fixes: make([]struct {
			Message string `json:"message"`
			Edits   []struct {
				Filename   string `json:"filename"`
				Start, End int
				New        string `json:"new"`
			} `json:"edits"`
		}, 1)},
		{Message: `attribute key "e" breaks ...`, Category: "naming"},
	})
	want := map[string]int{"attribute key/none": 1, "event name/fix": 1, "attribute key/naming": 1, "check/naming": 1}
	if len(res.Counts) != len(want) {
		t.Errorf("counts: %v, want %v", res.Counts, want)
	}
	for k, n := range want {
		if res.Counts[k] != n {
			t.Errorf("counts[%q] = %d, want %d", k, res.Counts[k], n)
		}
	}
	if res.LeftExpected != 2 {
		t.Errorf("LeftExpected = %d, want 2 (the findings without a fix)", res.LeftExpected)
	}
}
