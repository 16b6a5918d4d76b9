package gen

import (
	"io"
	"syscall"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// Benchmarks of gen's phases on a copy of testdata/gen, offline, with the
// existing package as the target (the case that type-checks the target
// and verifies the fixed packages with the constants file as the go
// command's overlay).
// The go command's work (go list, export data from the build cache) is
// inside every figure, as it is in a run.

// cpuSeconds is the user and system time of this process and of its
// children that have been waited for (the go command's processes).
func cpuSeconds() float64 {
	var self, kids syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids)
	sec := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return sec(self.Utime) + sec(self.Stime) + sec(kids.Utime) + sec(kids.Stime)
}

// reportCPU adds the CPU seconds per operation, which on a machine loaded
// by other work is steadier than sec/op, to what the loop measured.
func reportCPU(b *testing.B, start float64, timed *float64) {
	b.ReportMetric((cpuSeconds()-start-*timed)/float64(b.N), "cpu-s/op")
}

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
	mod, err := findModule(o.Dir, o.Env)
	if err != nil {
		b.Fatal(err)
	}
	var untimed float64
	defer reportCPU(b, cpuSeconds(), &untimed)
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
	mod, err := findModule(o.Dir, o.Env)
	if err != nil {
		b.Fatal(err)
	}
	var untimed float64
	defer reportCPU(b, cpuSeconds(), &untimed)
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
	var untimed float64
	defer reportCPU(b, cpuSeconds(), &untimed)
	for b.Loop() {
		if _, err := Run(o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGen is a whole gen run, each on a fresh copy (the copy is not
// timed).
func BenchmarkGen(b *testing.B) {
	var untimed float64
	defer reportCPU(b, cpuSeconds(), &untimed)
	for b.Loop() {
		b.StopTimer()
		c0 := cpuSeconds()
		o := benchOptions(b, false)
		untimed += cpuSeconds() - c0
		b.StartTimer()
		if _, err := Run(o); err != nil {
			b.Fatal(err)
		}
	}
}
