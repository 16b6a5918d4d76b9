package registry

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkRead reads the 2,000-attribute registry that
// bench/registrygen writes, in each syntax: what a process pays once for
// -registry. Besides ns/op (wall) it reports cpu-ns/op, the process's CPU
// time per read (GC included), which a loaded machine inflates far less.
// Figures and the command are in bench/README.md.
//
// With REGISTRY=DIR in the environment it reads that registry instead (the
// semantic conventions' model/, for a real one).
func BenchmarkRead(b *testing.B) {
	if dir := os.Getenv("REGISTRY"); dir != "" {
		b.Run("dir", func(b *testing.B) { benchRead(b, dir) })
		return
	}
	for _, syntax := range []string{"v1", "v2"} {
		b.Run(syntax, func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "registry")
			gen := exec.Command("go", "-C", "../../bench", "run", "./registrygen", "-o", dir, "-attrs", "2000", "-syntax", syntax)
			gen.Stderr = os.Stderr
			if err := gen.Run(); err != nil {
				b.Fatalf("%s: %v", gen, err)
			}
			r := benchRead(b, dir)
			if len(r.Attributes) != 2000 || len(r.Metrics) != 20 {
				b.Fatalf("read %d attributes, %d metrics; want 2000, 20", len(r.Attributes), len(r.Metrics))
			}
		})
	}
}

func benchRead(b *testing.B, dir string) *Registry {
	r, err := Read(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0, ok := cpuTime()
	for b.Loop() {
		if _, err := Read(dir, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	// CPU time, unlike ns/op, does not grow with the load that
	// other processes put on the machine.
	if cpu1, _ := cpuTime(); ok {
		b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
	}
	b.ReportMetric(float64(len(r.Attributes)), "attributes")
	return r
}
