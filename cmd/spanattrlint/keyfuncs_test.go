package main_test

import (
	"slices"
	"strings"
	"testing"
)

// A -key-funcs entry that is not FUNC:ARG, or whose name matches no
// function, stops the run with one line and exit status 1, standalone and
// under go vet (once for the run, not once per package).
//
// Every entry is tried standalone. Under go vet, where a run with new
// flags costs seconds (go vet's tool type-checks every dependency from
// source again), one entry stands for each way the error is found: by the
// flag's parser (every malformed form takes that path; TestKeyFuncsParse
// checks their messages), by the start-up resolution of the package
// (TestGoVetConfigErrorIsPrintedOnce's -constants takes the same path) and
// by a pass.
func TestKeyFuncsErrors(t *testing.T) {
	t.Parallel()
	dir := sharedFixmod(t)
	before := snapshot(t, dir)
	for _, c := range []struct {
		flag, want string
		vet        bool // also under go vet, which says it in one line
	}{
		{"-key-funcs=nocolon", `spanattrlint: -key-funcs: "nocolon": no :ARG after the function (want FUNC:ARG[:KIND], e.g.`, true},
		{"-key-funcs=example.com/fixmod/tracing.Tag:x", `spanattrlint: -key-funcs: "example.com/fixmod/tracing.Tag:x": ARG "x" is not an argument index`, false},
		{"-key-funcs=(*example.com/fixmod/tracing.T.SetTag:0", `FUNC "(*example.com/fixmod/tracing.T.SetTag" is not a function's full name`, false},
		// The package is in the module, but has no such function: found
		// by the passes of the packages that import it, said once.
		{"-key-funcs=go.opentelemetry.io/otel/attribute.Strin:0", `spanattrlint: -key-funcs: go.opentelemetry.io/otel/attribute.Strin:0: package go.opentelemetry.io/otel/attribute has no function Strin`, true},
		// No module of the build provides the package.
		{"-key-funcs=example.com/nosuch.Tag:0", `spanattrlint: -key-funcs: example.com/nosuch.Tag:0: no module that module example.com/fixmod requires provides package example.com/nosuch`, false},
		{"-key-funcs=nethttp.Tag:0", `spanattrlint: -key-funcs: nethttp.Tag:0: there is no package nethttp in the standard library`, false},
		// A real package that no analysed package imports: only the
		// command, which sees every package of the run, can tell (go vet
		// says nothing: docs/wrappers.md says so).
		{"-key-funcs=net/http.Tag:0", `spanattrlint: -key-funcs: net/http.Tag:0: no analysed package is or imports package net/http`, false},
		// A function whose argument is not one string.
		{"-key-funcs=(go.opentelemetry.io/otel/trace.Span).AddEvent:1", `spanattrlint: -key-funcs: (go.opentelemetry.io/otel/trace.Span).AddEvent:1: argument 1 of (go.opentelemetry.io/otel/trace.Span).AddEvent is variadic, not one string`, false},
		{"-key-funcs=(*go.opentelemetry.io/otel/trace.Span).AddEvent:0", `Span is an interface: write (go.opentelemetry.io/otel/trace.Span).AddEvent`, false},
	} {
		stdout, stderr, code := run(t, dir, bin, c.flag, "./svc", "./clean")
		if code != 1 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, want 1 and one line containing %q; stderr:\n%s", c.flag, code, c.want, stderr)
		}
		if !c.vet {
			continue
		}
		_, stderr, code = run(t, dir, "go", "vet", "-vettool="+bin, c.flag, "./svc", "./clean", "./tracing", "./nofix")
		var said []string
		for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
			if !strings.HasPrefix(l, "# ") {
				said = append(said, l)
			}
		}
		if code == 0 || len(said) != 1 || !strings.Contains(said[0], c.want) {
			t.Errorf("go vet %s: exit %d, want one line containing %q; stderr:\n%s", c.flag, code, c.want, stderr)
		}
	}
	sameFiles(t, before, snapshot(t, dir))
}

// A -key-funcs name works alike standalone and under go vet: the keys
// passed to it are reported in both, and nowhere without the flag.
func TestKeyFuncsUnderGoVet(t *testing.T) {
	t.Parallel()
	dir := sharedTestdata(t)
	before := snapshot(t, dir)
	flag := "-key-funcs=(*example.com/app/internal/spanlog.SpanLogger).SetTag:0,example.com/app/internal/spanlog.Tag:0"
	_, standalone, code := run(t, dir, bin, flag, "./keyfuncs")
	if code != 3 {
		t.Fatalf("standalone exited %d, want 3 (findings):\n%s", code, standalone)
	}
	_, vet, _ := run(t, dir, "go", "vet", "-vettool="+bin, flag, "./keyfuncs")
	want, got := findings(dir, standalone), findings(dir, vet)
	n := 0
	for _, f := range want {
		if strings.Contains(f, "keyfuncs.go:") {
			n++
		}
	}
	if n < 8 {
		t.Errorf("only %d findings in keyfuncs.go with %s:\n%s", n, flag, standalone)
	}
	if !slices.Equal(want, got) {
		t.Errorf("go vet and standalone differ\nstandalone:\n%s\ngo vet:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
	_, without, _ := run(t, dir, bin, "./keyfuncs")
	if f := findings(dir, without); len(f) >= len(want) {
		t.Errorf("without -key-funcs %d findings, with it %d", len(f), len(want))
	}
	sameFiles(t, before, snapshot(t, dir))
}
