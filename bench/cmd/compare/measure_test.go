package main

import "testing"

func TestWrapUsage(t *testing.T) {
	// The lines wrap.go appends: KIND MAXRSS_KIB UTIME_US STIME_US EXIT.
	log := "flags 999999 1 1 0\n" +
		"cfg 204800 1500000 500000 0\n" +
		"cfg 102400 250000 250000 1\n" +
		"other 999999 9000000 0 0\n" +
		"cfg truncated\n"
	peak, cpu, procs := wrapUsage([]byte(log))
	if peak != 200 || cpu != 2.5 || procs != 2 {
		t.Errorf("wrapUsage = %v MiB, %v s, %d processes; want 200 MiB, 2.5 s, 2", peak, cpu, procs)
	}
	if peak, cpu, procs := wrapUsage(nil); peak != 0 || cpu != 0 || procs != 0 {
		t.Errorf("wrapUsage(nil) = %v, %v, %d", peak, cpu, procs)
	}
}
