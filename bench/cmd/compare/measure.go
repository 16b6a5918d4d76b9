package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// Measuring: what wait4 and the vet-tool wrapper report of a process.

// load1 is the 1-minute load average: other work on the machine.
func load1() float64 {
	data, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return -1
	}
	v, _ := strconv.ParseFloat(f[0], 64)
	return v
}

func tv(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }

// rssOf is the peak RSS shown for a run: in vet mode with the wrapper, the
// largest analysis process; otherwise the whole process tree.
func rssOf(c *cell, r run) float64 {
	if c.Mode == "vet" && r.ToolRuns > 0 {
		return r.ToolRSS
	}
	return r.TreeRSS
}
