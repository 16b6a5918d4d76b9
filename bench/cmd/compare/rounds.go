package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Running the rounds: one timed process per row and mode.

// A run is one timed process.
type run struct {
	Round    int     `json:"round"`
	Load1    float64 `json:"load1_before"` // 1-minute load average just before the run
	Wall     float64 `json:"wall_s"`
	CPU      float64 `json:"cpu_s"`        // user+sys of the whole process tree
	TreeRSS  float64 `json:"tree_rss_mib"` // max over the process and all its descendants
	ToolRSS  float64 `json:"tool_rss_mib,omitempty"`
	ToolCPU  float64 `json:"tool_cpu_s,omitempty"`
	ToolRuns int     `json:"tool_processes,omitempty"`
	Exit     int     `json:"exit"`
	Findings int     `json:"findings"`
	Failed   string  `json:"failed,omitempty"`
}

type cell struct {
	Config config `json:"config"`
	Mode   string `json:"mode"`
	Runs   []run  `json:"runs"`
}

var (
	diagLine = regexp.MustCompile(`(?m)^[^\s#][^:\n]*\.go:\d+:\d+: `)
	// A vet tool built with an x/tools older than the go command's
	// protocol (Go 1.26 asks for -json on a redirected stdout) prints its
	// diagnostics as raw JSON and exits 0; count those too.
	jsonDiag = regexp.MustCompile(`"posn": "`)
)

// isFindingsOnly tells whether a non-zero exit status was caused by
// findings alone: singlechecker exits 3 when it reports diagnostics, and go
// vet exits 1 when its tool did (go vet also exits 1 for real failures, so
// there the output must hold diagnostics and no error from the go command
// or the tool).
func isFindingsOnly(mode string, exit int, output []byte) bool {
	switch {
	case exit == 0:
		return true
	case mode == "standalone":
		return exit == 3
	case exit != 1 || !diagLine.Match(output):
		return false
	}
	for _, l := range strings.Split(string(output), "\n") {
		for _, p := range []string{"go: ", "vet: ", "panic: ", "fatal error: ", "runtime: ", "goroutine "} {
			if strings.HasPrefix(l, p) {
				return false
			}
		}
		if strings.Contains(l, "signal: ") || strings.Contains(l, "exit status ") {
			return false
		}
	}
	return true
}

func runOnce(e *env, c *cell, round int) run {
	res := run{Round: round, Load1: load1()}
	var cmd *exec.Cmd
	var logFile string
	cleanup := func() {}
	switch c.Mode {
	case "standalone":
		cmd = exec.Command(c.Config.Bin, append(slices.Clone(c.Config.Args), "-test=false", "./...")...)
		cmd.Env = e.runEnv()
	case "vet":
		nonce := fmt.Sprintf("%s-%d-%d", c.Config.Label, round, time.Now().UnixNano())
		tool := c.Config.Bin
		env := e.runEnv()
		if *flagVetWrap && !c.Config.Bare {
			f, err := os.CreateTemp(e.cache, "vetlog-*")
			if err != nil {
				res.Failed = err.Error()
				return res
			}
			f.Close()
			logFile = f.Name()
			cleanup = func() { os.Remove(logFile) }
			env = append(env, envWrapTool+"="+tool, envWrapLog+"="+logFile, envWrapNonce+"="+nonce)
			tool = e.self
		} else {
			// A copy with the nonce appended, so that its -V=full build ID
			// (a hash of the file) is new and go vet's cache misses.
			cp := filepath.Join(e.bin, fmt.Sprintf(".%s.%s", filepath.Base(tool), strconv.FormatInt(time.Now().UnixNano(), 36)))
			if err := copyExe(tool, cp, nonce); err != nil {
				res.Failed = err.Error()
				return res
			}
			cleanup = func() { os.Remove(cp) }
			tool = cp
		}
		cmd = exec.Command("go", append(append([]string{"vet", "-vettool=" + tool}, c.Config.Args...), "./...")...)
		cmd.Env = env
	}
	defer cleanup()
	cmd.Dir = e.ofga
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output

	t0 := time.Now()
	err := cmd.Start()
	if err == nil {
		err = cmd.Wait()
	}
	res.Wall = time.Since(t0).Seconds()
	if cmd.ProcessState == nil {
		res.Failed = err.Error()
		return res
	}
	res.Exit = cmd.ProcessState.ExitCode()
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	// On Linux the rusage that wait4 returns for a child includes its
	// reaped descendants: times are summed, and ru_maxrss is the largest
	// of the child's own and any descendant's peak.
	res.TreeRSS = float64(ru.Maxrss) / 1024
	res.CPU = tv(ru.Utime) + tv(ru.Stime)
	res.Findings = len(diagLine.FindAll(output.Bytes(), -1)) + len(jsonDiag.FindAll(output.Bytes(), -1))
	if !isFindingsOnly(c.Mode, res.Exit, output.Bytes()) {
		res.Failed = fmt.Sprintf("exit %d: %s", res.Exit, firstLines(output.Bytes(), 3))
	}
	if logFile != "" {
		data, err := os.ReadFile(logFile)
		if err != nil {
			res.Failed = err.Error()
		}
		for _, l := range strings.Split(string(data), "\n") {
			f := strings.Fields(l)
			if len(f) != 5 || f[0] != "cfg" {
				continue
			}
			rss, _ := strconv.ParseFloat(f[1], 64)
			ut, _ := strconv.ParseFloat(f[2], 64)
			st, _ := strconv.ParseFloat(f[3], 64)
			res.ToolRSS = max(res.ToolRSS, rss/1024)
			res.ToolCPU += (ut + st) / 1e6
			res.ToolRuns++
		}
		if res.ToolRuns == 0 && res.Failed == "" {
			res.Failed = "the vet-tool wrapper logged no package: was the go vet result cached?"
		}
	}
	return res
}

func copyExe(src, dst, nonce string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	data = append(data, "\nspanattrlint-bench-nonce "+nonce+"\n"...)
	return os.WriteFile(dst, data, 0o755)
}

func firstLines(b []byte, n int) string {
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() && len(lines) < n {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, " | ")
}
