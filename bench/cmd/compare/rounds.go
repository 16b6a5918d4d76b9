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

// makeCells lists the rows to time: every config in every mode, and with
// -vetbare a no-op vet row without the wrapper.
func makeCells(configs []config, modes []string) []*cell {
	var cells []*cell
	for _, m := range modes {
		for _, c := range configs {
			if c.Standalone && m != "standalone" {
				continue
			}
			cells = append(cells, &cell{Config: c, Mode: m})
		}
		if m == "vet" && *flagVetWrap && *flagVetBare {
			for _, c := range configs {
				if c.Tool == "noop" {
					c.Label, c.Bare = "noop (bare)", true
					cells = append(cells, &cell{Config: c, Mode: m})
					break
				}
			}
		}
	}
	return cells
}

func cellOrder(cells []*cell) string {
	var s []string
	for _, c := range cells {
		s = append(s, c.Config.Label+"/"+c.Mode)
	}
	return strings.Join(s, ", ")
}

// runRounds runs the warm-up rounds, then the timed ones, each row once per
// round in the same order, and keeps the timed runs in their cells.
func runRounds(e *env, cells []*cell) {
	for r := -*flagWarmup; r < *flagN; r++ {
		t0 := time.Now()
		for _, c := range cells {
			res := runOnce(e, c, r)
			if *flagVerbose || res.Failed != "" {
				fmt.Fprintf(os.Stderr, "  round %d %-28s %-10s wall %6.2fs cpu %6.2fs rss %7.1f MiB exit %d findings %d %s\n",
					r, c.Config.Label, c.Mode, res.Wall, res.CPU, rssOf(c, res), res.Exit, res.Findings, res.Failed)
			}
			if r >= 0 {
				c.Runs = append(c.Runs, res)
			}
		}
		if r < 0 {
			fmt.Fprintf(os.Stderr, "  warm-up round %d/%d done in %s\n", r+*flagWarmup+1, *flagWarmup, time.Since(t0).Round(time.Second))
		} else {
			fmt.Fprintf(os.Stderr, "  round %d/%d done in %s\n", r+1, *flagN, time.Since(t0).Round(time.Second))
		}
	}
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

func runOnce(e *env, c *cell, round int) (res run) {
	res = run{Round: round, Load1: load1()}
	cmd, logFile, cleanup, err := command(e, c, round)
	if err != nil {
		res.Failed = err.Error()
		return res
	}
	defer cleanup()
	if c.Config.Writes {
		defer func() {
			if err := restoreOpenFGA(e); err != nil && res.Failed == "" {
				res.Failed = "restoring openfga: " + err.Error()
			}
		}()
	}
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output

	t0 := time.Now()
	err = cmd.Start()
	if err == nil {
		err = cmd.Wait()
	}
	res.Wall = time.Since(t0).Seconds()
	if cmd.ProcessState == nil {
		res.Failed = err.Error()
		return res
	}
	res.Exit = cmd.ProcessState.ExitCode()
	res.TreeRSS, res.CPU = treeUsage(cmd.ProcessState)
	res.Findings = len(diagLine.FindAll(output.Bytes(), -1)) + len(jsonDiag.FindAll(output.Bytes(), -1))
	if !isFindingsOnly(c.Mode, res.Exit, output.Bytes()) {
		res.Failed = fmt.Sprintf("exit %d: %s", res.Exit, firstLines(output.Bytes(), 3))
	}
	if logFile != "" {
		data, err := os.ReadFile(logFile)
		if err != nil {
			res.Failed = err.Error()
		}
		res.ToolRSS, res.ToolCPU, res.ToolRuns = wrapUsage(data)
		if res.ToolRuns == 0 && res.Failed == "" {
			res.Failed = "the vet-tool wrapper logged no package: was the go vet result cached?"
		}
	}
	return res
}

// command is the process to time for c in round: the tool itself
// (standalone), or go vet with the tool behind the rusage wrapper (logFile
// then names the wrapper's log) or with a fresh copy of it. cleanup removes
// what command made.
func command(e *env, c *cell, round int) (cmd *exec.Cmd, logFile string, cleanup func(), err error) {
	cleanup = func() {}
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
				return nil, "", nil, err
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
				return nil, "", nil, err
			}
			cleanup = func() { os.Remove(cp) }
			tool = cp
		}
		cmd = exec.Command("go", append(append([]string{"vet", "-vettool=" + tool}, c.Config.Args...), "./...")...)
		cmd.Env = env
	}
	cmd.Dir = e.ofga
	return cmd, logFile, cleanup, nil
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
