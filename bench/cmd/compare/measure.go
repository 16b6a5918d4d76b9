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

// treeUsage is the peak RSS (MiB) and CPU time (s) of a process and its
// descendants. On Linux the rusage that wait4 returns for a child includes
// its reaped descendants: times are summed, and ru_maxrss is the largest of
// the child's own and any descendant's peak.
func treeUsage(ps *os.ProcessState) (rssMiB, cpu float64) {
	ru := ps.SysUsage().(*syscall.Rusage)
	return float64(ru.Maxrss) / 1024, tv(ru.Utime) + tv(ru.Stime)
}

// wrapUsage sums up the vet-tool wrapper's log (see wrap.go): the largest
// peak RSS (MiB) of the processes that analysed a package, their CPU time
// (s) and how many there were. Lines of other kinds (-flags, -V=full) and
// malformed lines do not count.
func wrapUsage(log []byte) (peakMiB, cpu float64, procs int) {
	for _, l := range strings.Split(string(log), "\n") {
		f := strings.Fields(l)
		if len(f) != 5 || f[0] != "cfg" {
			continue
		}
		rss, _ := strconv.ParseFloat(f[1], 64)
		ut, _ := strconv.ParseFloat(f[2], 64)
		st, _ := strconv.ParseFloat(f[3], 64)
		peakMiB = max(peakMiB, rss/1024)
		cpu += (ut + st) / 1e6
		procs++
	}
	return peakMiB, cpu, procs
}
