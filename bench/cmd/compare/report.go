package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// Printing the tables and saving the raw runs.

func report(w io.Writer, e *env, cells []*cell, versions []toolVersion, p packages) {
	reportSetting(w, cells, versions, p)

	base := map[string]*cell{}
	for _, c := range cells {
		if c.Config.Tool == "noop" && base[c.Mode] == nil && len(okRuns(c)) > 0 {
			base[c.Mode] = c
		}
	}
	reportMedians(w, cells, base)
	reportWrites(w, cells)
	if slices.ContainsFunc(cells, func(c *cell) bool { return c.Mode == "vet" }) && *flagVetWrap {
		reportVet(w, cells, base)
	}
	reportFailures(w, cells)
	fmt.Fprint(w, legend)
}

// legend says what report's columns measure.
const legend = `
standalone = TOOL -test=false ./... in the openfga directory; peak RSS = the tool process and its
  go list children (wait4 ru_maxrss covers reaped descendants); CPU = user+sys of that tree.
vet = go vet -vettool=TOOL ./... (test files included, one tool process per package and dependency,
  vet cache defeated per run); peak RSS = the largest single analysis process; CPU = user+sys of the
  whole go vet tree.
findings = file.go:L:C lines printed, plus diagnostics that a tool printed as raw JSON under go vet; exit 3 (standalone) and 1 (vet) with findings are not failures.
Absolute times drift 10-15% between runs on a shared machine; read the ×noop columns.
`

// reportSetting prints where and how the figures were taken: the machine,
// its load, the go version, openfga, the runs and the tools' versions.
func reportSetting(w io.Writer, cells []*cell, versions []toolVersion, p packages) {
	fmt.Fprintf(w, "\nspanattrlint whole-process benchmark, %s\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(w, "machine: %d cores (runtime.NumCPU), %s, %s memory; GOMAXPROCS=%s\n",
		runtime.NumCPU(), cpuModel(), memTotal(), orUnset(os.Getenv("GOMAXPROCS")))
	fmt.Fprintf(w, "go: %s (GOFLAGS=%s)\n", p.GoVersion, orUnset(p.GoFlags))
	var loads []float64
	for _, c := range cells {
		for _, r := range c.Runs {
			loads = append(loads, r.Load1)
		}
	}
	if len(loads) > 0 {
		fmt.Fprintf(w, "1-minute load average before the timed runs: min %.1f, median %.1f, max %.1f (%d cores: above that, other work shared the machine)\n",
			slices.Min(loads), median(loads), slices.Max(loads), runtime.NumCPU())
	}
	fmt.Fprintf(w, "target: github.com/openfga/openfga %s: %d packages analysed (go list ./... | wc -l); "+
		"%d with dependencies, %d with test dependencies (what go vet type-checks)\n",
		*flagOpenFGA, p.Analysed, p.Deps, p.DepsTests)
	fmt.Fprintf(w, "runs: %d timed per row (after %d warm-up round(s)), rows interleaved round by round; ", *flagN, *flagWarmup)
	if *flagVetWrap {
		fmt.Fprintf(w, "vet via the rusage wrapper\n")
	} else {
		fmt.Fprintf(w, "vet with bare binaries (-vetwrap=false)\n")
	}
	fmt.Fprintln(w, "\nversions:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  tool\tmodule\tversion\tgolang.org/x/tools")
	for _, v := range versions {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", v.Label, v.Main, v.Version, v.XTools)
	}
	tw.Flush()
	for _, c := range cells {
		if c.Config.Label == "spanattrlint -constants" {
			fmt.Fprintf(w, "  spanattrlint -constants row: %s\n", strings.Join(c.Config.Args, " "))
			break
		}
	}
}

// reportMedians prints the main table: every row's medians and its
// paired ratios to base, the no-op row of its mode.
func reportMedians(w io.Writer, cells []*cell, base map[string]*cell) {
	fmt.Fprintln(w, "\nmedians, and the median of paired ratios to the no-op in the same mode and round (×noop):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "tool\tmode\truns ok\twall s\t×noop\tspread\tpeak RSS MiB\t×noop\tCPU s\t×noop\tfindings\texit\t")
	for _, c := range cells {
		ok := okRuns(c)
		b := base[c.Mode]
		exits := map[int]bool{}
		findings := map[int]bool{}
		for _, r := range ok {
			exits[r.Exit] = true
			findings[r.Findings] = true
		}
		fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%.2f\t%s\t%s\t%.0f\t%s\t%.1f\t%s\t%s\t%s\t\n",
			c.Config.Label, c.Mode, len(ok), len(c.Runs),
			medianOf(c, mWall), pairedRatio(c, b, mWall), spread(c, mWall),
			medianOf(c, mRSS), pairedRatio(c, b, mRSS),
			medianOf(c, mCPU), pairedRatio(c, b, mCPU),
			setString(findings), setString(exits))
	}
	tw.Flush()
}

// reportVet prints the go vet rows again with what the rusage wrapper
// measured of the analysis processes alone.
func reportVet(w io.Writer, cells []*cell, base map[string]*cell) {
	fmt.Fprintln(w, "\ngo vet detail: the analysis processes alone (from the wrapper) and the whole go vet process tree:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "tool\ttool processes\ttool CPU s\t×noop\ttool peak RSS MiB\t×noop\ttree peak RSS MiB\t×noop\t")
	for _, c := range cells {
		if c.Mode != "vet" {
			continue
		}
		b := base[c.Mode]
		procs := map[int]bool{}
		for _, r := range okRuns(c) {
			procs[r.ToolRuns] = true
		}
		if c.Config.Bare { // no wrapper: nothing is known of the tool processes alone
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t-\t%.0f\t%s\t\n", c.Config.Label,
				medianOf(c, mTreeRSS), pairedRatio(c, b, mTreeRSS))
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%.1f\t%s\t%.0f\t%s\t%.0f\t%s\t\n", c.Config.Label, setString(procs),
			medianOf(c, mToolCPU), pairedRatio(c, b, mToolCPU),
			medianOf(c, mRSS), pairedRatio(c, b, mRSS),
			medianOf(c, mTreeRSS), pairedRatio(c, b, mTreeRSS))
	}
	tw.Flush()
}

// reportFailures lists the runs that failed, if any.
func reportFailures(w io.Writer, cells []*cell) {
	var failures []string
	for _, c := range cells {
		for _, r := range c.Runs {
			if r.Failed != "" {
				failures = append(failures, fmt.Sprintf("  %s %s round %d: %s", c.Config.Label, c.Mode, r.Round, r.Failed))
			}
		}
	}
	if len(failures) > 0 {
		fmt.Fprintf(w, "\nfailed runs (left out of the medians):\n%s\n", strings.Join(failures, "\n"))
	}
}

func orUnset(s string) string {
	if s == "" {
		return "(unset)"
	}
	return s
}

func cpuModel() string {
	data, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func memTotal() string {
	data, _ := os.ReadFile("/proc/meminfo")
	for _, l := range strings.Split(string(data), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "MemTotal:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return fmt.Sprintf("%.1f GiB", kb/(1<<20))
		}
	}
	return "?"
}

func saveResults(e *env, cells []*cell, versions []toolVersion, p packages, table []byte) error {
	dir := filepath.Join(e.cache, "results")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	stamp := time.Now().UTC().Format("20060102-150405")
	data, err := json.MarshalIndent(struct {
		Time     time.Time     `json:"time"`
		Flags    []string      `json:"flags"`
		NumCPU   int           `json:"num_cpu"`
		Packages packages      `json:"packages"`
		Versions []toolVersion `json:"versions"`
		Cells    []*cell       `json:"cells"`
	}{time.Now().UTC(), os.Args[1:], runtime.NumCPU(), p, versions, cells}, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, stamp+".json"), data, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, stamp+".txt"), table, 0o644); err != nil {
		return err
	}
	fmt.Printf("\nraw runs and this table: %s.{json,txt}\n", filepath.Join(dir, stamp))
	return nil
}

// reportWrites prints the rows that write (gen -dry-run, gen, -fix)
// against the lint row, spanattrlint standalone: the medians of the ratios
// of runs in the same round.
func reportWrites(w io.Writer, cells []*cell) {
	var lint *cell
	for _, c := range cells {
		if c.Config.Tool == "spanattrlint" && c.Mode == "standalone" && len(c.Config.Args) == 0 && len(okRuns(c)) > 0 {
			lint = c
			break
		}
	}
	if lint == nil || !slices.ContainsFunc(cells, func(c *cell) bool { return c.Config.Writes }) {
		return
	}
	fmt.Fprintf(w, "\nthe refactoring commands against the lint (%s -test=false ./..., same round), each on a fresh copy of openfga:\n", lint.Config.Label)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "tool\truns ok\twall s\t×lint\tpeak RSS MiB\t×lint\tCPU s\t×lint\t")
	for _, c := range cells {
		if !c.Config.Writes {
			continue
		}
		fmt.Fprintf(tw, "%s\t%d/%d\t%.2f\t%s\t%.0f\t%s\t%.1f\t%s\t\n", c.Config.Label, len(okRuns(c)), len(c.Runs),
			medianOf(c, mWall), pairedRatio(c, lint, mWall), medianOf(c, mRSS), pairedRatio(c, lint, mRSS),
			medianOf(c, mCPU), pairedRatio(c, lint, mCPU))
	}
	tw.Flush()
}
