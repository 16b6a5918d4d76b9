package gen

import (
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles starts what -cpuprofile and -memprofile ask for; stop
// writes them.
func startProfiles(cpu, mem string) (stop func(), err error) {
	var stops []func()
	stop = func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}
	if cpu != "" {
		f, err := os.Create(cpu)
		if err != nil {
			return stop, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return stop, err
		}
		stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
	}
	if mem != "" {
		f, err := os.Create(mem)
		if err != nil {
			stop()
			return func() {}, err
		}
		stops = append(stops, func() {
			runtime.GC()
			pprof.WriteHeapProfile(f)
			f.Close()
		})
	}
	return stop, nil
}
