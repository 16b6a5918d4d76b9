package gen

import (
	"io"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// Benchmarks of gen's phases on a copy of testdata/gen, offline, with the
// existing package as the target (the case that type-checks the target,
// reloads after writing the constants and verifies the fixed packages).
// The go command's work (go list, export data from the build cache) is
// inside every figure, as it is in a run.

func benchOptions(b *testing.B, dryRun bool) Options {
	b.Helper()
	testsupport.SetOffline(b)
	dir := testsupport.Copy(b, testdata)
	return Options{Dir: dir, Into: "./existing", Patterns: []string{"./..."}, Tests: true, SpanNames: true,
		DryRun: dryRun, Env: offlineEnv, Stdout: io.Discard}
}

// BenchmarkInspect is the target's inspection: its names, constants and
// imports.
func BenchmarkInspect(b *testing.B) {
	o := benchOptions(b, true)
	mod, err := findModule(o.Dir)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		t, err := resolveTarget(mod, o.Dir, o.Into)
		if err != nil {
			b.Fatal(err)
		}
		if err := t.inspect(o.Env); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAnalyse is loading the packages and one analysis of them.
func BenchmarkLoadAnalyse(b *testing.B) {
	o := benchOptions(b, true)
	mod, err := findModule(o.Dir)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		pkgs, err := load(&o, mod)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := analyse(&o, pkgs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDryRun is a whole gen -dry-run.
func BenchmarkDryRun(b *testing.B) {
	o := benchOptions(b, true)
	for b.Loop() {
		if _, err := Run(o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGen is a whole gen run, each on a fresh copy (the copy is not
// timed).
func BenchmarkGen(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		o := benchOptions(b, false)
		b.StartTimer()
		if _, err := Run(o); err != nil {
			b.Fatal(err)
		}
	}
}
