// Command compare times spanattrlint, as whole processes, against a no-op
// analyzer with the same requirements and against peer linters, on a large
// real module (github.com/openfga/openfga), standalone and under go vet.
// See ../../README.md for how to run it and how to read what it prints.
//
// Usage (from the repository root):
//
//	go -C bench run ./cmd/compare [flags]
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

var (
	flagN         = flag.Int("n", 7, "timed runs of each tool in each mode")
	flagWarmup    = flag.Int("warmup", 1, "untimed rounds before the timed ones")
	flagTools     = flag.String("tools", "noop,spanattrlint,usestdlibvars,sloglint", "comma-separated tools: noop, spanattrlint, usestdlibvars, sloglint; a repeated name is run again as NAME#2 (noop,noop shows the noise floor); the first noop is the baseline")
	flagModes     = flag.String("modes", "standalone,vet", "comma-separated modes: standalone (TOOL -test=false ./...), vet (go vet -vettool=TOOL ./...)")
	flagConstants = flag.String("constants", "github.com/openfga/openfga/internal/utils/apimethod", "with spanattrlint, also time it with -constants=`PKG` (empty: don't)")
	flagOpenFGA   = flag.String("openfga", "v1.22.1", "version of github.com/openfga/openfga to analyse")
	flagUsestd    = flag.String("usestdlibvars", "v1.29.0", "version of github.com/sashamelentyev/usestdlibvars")
	flagSloglint  = flag.String("sloglint", "v0.12.0", "version of go-simpler.org/sloglint")
	flagCache     = flag.String("cache", "", "scratch `dir` for openfga, the binaries and the results (default REPO/.cache/bench)")
	flagGocache   = flag.Bool("private-gocache", true, "run the openfga commands with a GOCACHE of their own under the scratch dir, so that the vet entries each run adds stay out of the user's cache")
	flagVetWrap   = flag.Bool("vetwrap", true, "in vet mode, run each vet-tool process through a wrapper that records its own rusage (peak RSS and CPU of the analysis processes alone); false: time bare copies of the binaries and report the go command's process-tree peak only")
	flagVetBare   = flag.Bool("vetbare", false, "with -vetwrap, add a vet row for the no-op run without the wrapper, to measure the wrapper's own cost (its RSS column is then the process-tree peak)")
	flagVerbose   = flag.Bool("v", false, "print each run as it ends")
)

const modPath = "github.com/spanattrlint/spanattrlint"

// A config is one thing to time: a binary with its extra flags.
type config struct {
	Label string
	Tool  string // noop, spanattrlint, ...
	Bin   string
	Args  []string
	Bare  bool `json:",omitempty"` // vet mode: no rusage wrapper
}

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

type env struct {
	repo, bench, cache, ofga, bin string
	gocache                       string
	self                          string // this executable, the vet-tool wrapper
}

func main() {
	vetWrapMain()
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: go -C bench run ./cmd/compare [flags]\n\nTimes linters as whole processes on github.com/openfga/openfga against a no-op analyzer.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 0 || *flagN < 1 {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	if err := mainErr(); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
	fmt.Printf("\ntotal time %s\n", time.Since(start).Round(time.Second))
}

func mainErr() error {
	var e env
	var err error
	if e.repo, err = findRepo(); err != nil {
		return err
	}
	e.bench = filepath.Join(e.repo, "bench")
	e.cache = *flagCache
	if e.cache == "" {
		e.cache = filepath.Join(e.repo, ".cache", "bench")
	}
	if e.cache, err = filepath.Abs(e.cache); err != nil {
		return err
	}
	e.ofga = filepath.Join(e.cache, "openfga@"+*flagOpenFGA)
	e.bin = filepath.Join(e.cache, "bin")
	if *flagGocache {
		e.gocache = filepath.Join(e.cache, "gocache")
	}
	if e.self, err = os.Executable(); err != nil {
		return err
	}
	modes := splitList(*flagModes)
	for _, m := range modes {
		if m != "standalone" && m != "vet" {
			return fmt.Errorf("unknown mode %q", m)
		}
	}
	if err := os.MkdirAll(e.bin, 0o755); err != nil {
		return err
	}

	step("building the tools")
	configs, versions, err := buildTools(&e)
	if err != nil {
		return err
	}
	if len(configs) == 0 {
		return errors.New("no tool to run")
	}

	step("preparing openfga " + *flagOpenFGA)
	pkgInfo, err := prepareOpenFGA(&e, configs)
	if err != nil {
		return err
	}

	var cells []*cell
	for _, m := range modes {
		for _, c := range configs {
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
	step(fmt.Sprintf("timing %d configurations: %d warm-up round(s), then %d timed round(s), each in the order %s",
		len(cells), *flagWarmup, *flagN, cellOrder(cells)))
	for r := -*flagWarmup; r < *flagN; r++ {
		t0 := time.Now()
		for _, c := range cells {
			res := runOnce(&e, c, r)
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

	var out bytes.Buffer
	report(&out, &e, cells, versions, pkgInfo)
	os.Stdout.Write(out.Bytes())
	return saveResults(&e, cells, versions, pkgInfo, out.Bytes())
}

func cellOrder(cells []*cell) string {
	var s []string
	for _, c := range cells {
		s = append(s, c.Config.Label+"/"+c.Mode)
	}
	return strings.Join(s, ", ")
}

func step(s string) { fmt.Fprintf(os.Stderr, "== %s\n", s) }

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// findRepo walks up from the working directory to the root module.
func findRepo() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && modLine(data) == modPath {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod of module %s above the working directory", modPath)
		}
		dir = parent
	}
}

func modLine(gomod []byte) string {
	for _, l := range strings.Split(string(gomod), "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == "module" {
			return strings.Trim(f[1], `"`)
		}
	}
	return ""
}

// ---------------------------------------------------------------- tools

type toolVersion struct {
	Label, Main, Version, XTools string
}

func buildTools(e *env) ([]config, []toolVersion, error) {
	var configs []config
	var versions []toolVersion
	seen := map[string]int{}
	built := map[string]string{}
	for _, t := range splitList(*flagTools) {
		bin, ok := built[t]
		if !ok {
			var err error
			bin, err = buildTool(e, t)
			if err != nil {
				if t == "spanattrlint" {
					fmt.Fprintf(os.Stderr, "   skipping spanattrlint: ./cmd/spanattrlint does not build yet:\n%s\n", indent(err.Error()))
					built[t] = ""
					continue
				}
				return nil, nil, err
			}
			built[t] = bin
			versions = append(versions, binVersion(e, t, bin))
		}
		if bin == "" {
			continue
		}
		seen[t]++
		label := t
		if seen[t] > 1 {
			label = fmt.Sprintf("%s#%d", t, seen[t])
		}
		configs = append(configs, config{Label: label, Tool: t, Bin: bin})
		if t == "spanattrlint" && seen[t] == 1 && *flagConstants != "" {
			configs = append(configs, config{Label: "spanattrlint -constants", Tool: t, Bin: bin,
				Args: []string{"-constants=" + *flagConstants}})
		}
	}
	if len(configs) > 0 && configs[0].Tool != "noop" && !slices.ContainsFunc(configs, func(c config) bool { return c.Tool == "noop" }) {
		fmt.Fprintln(os.Stderr, "   note: no noop in -tools, so no ratios")
	}
	return configs, versions, nil
}

func buildTool(e *env, t string) (string, error) {
	out := filepath.Join(e.bin, t)
	switch t {
	case "noop":
		return out, goCmd(e.bench, nil, "build", "-o", out, "./noop")
	case "spanattrlint":
		return out, goCmd(e.repo, nil, "build", "-o", out, "./cmd/spanattrlint")
	case "usestdlibvars":
		return goInstall(e, t, "github.com/sashamelentyev/usestdlibvars", *flagUsestd)
	case "sloglint":
		return goInstall(e, t, "go-simpler.org/sloglint/cmd/sloglint", *flagSloglint)
	}
	return "", fmt.Errorf("unknown tool %q (want noop, spanattrlint, usestdlibvars or sloglint)", t)
}

// goInstall installs pkg@version, with the module's own go.mod, into a
// GOBIN of its own under the scratch dir.
func goInstall(e *env, name, pkg, version string) (string, error) {
	gobin := filepath.Join(e.bin, name+"@"+version)
	if err := goCmd(e.cache, []string{"GOBIN=" + gobin, "GOFLAGS="}, "install", pkg+"@"+version); err != nil {
		return "", err
	}
	return filepath.Join(gobin, filepath.Base(pkg)), nil
}

func goCmd(dir string, extraEnv []string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), extraEnv...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("go %s (in %s): %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return nil
}

func goOutput(dir string, extraEnv []string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), extraEnv...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s (in %s): %v\n%s", strings.Join(args, " "), dir, err, stderr.Bytes())
	}
	return string(out), nil
}

func indent(s string) string {
	return "      " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n      ")
}

// binVersion reads the module versions compiled into bin.
func binVersion(e *env, label, bin string) toolVersion {
	v := toolVersion{Label: label}
	out, err := goOutput(e.cache, nil, "version", "-m", bin)
	if err != nil {
		v.Version = "?"
		return v
	}
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		switch {
		case len(f) >= 3 && f[0] == "mod":
			v.Main, v.Version = f[1], f[2]
		case len(f) >= 3 && f[0] == "dep" && f[1] == "golang.org/x/tools":
			v.XTools = f[2]
		}
	}
	if label == "spanattrlint" || label == "noop" {
		v.Version = gitDescribe(e.repo, label)
	}
	return v
}

// gitDescribe names the commit the tool was built from, and whether its
// sources (outside bench/) differ from it.
func gitDescribe(repo, label string) string {
	head, err := exec.Command("git", "-C", repo, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "(devel)"
	}
	s := "commit " + strings.TrimSpace(string(head))
	paths := []string{"--", ".", ":(exclude)bench"}
	if label == "noop" {
		paths = []string{"--", "bench/noop", "bench/go.mod", "bench/go.sum"}
	}
	st, err := exec.Command("git", append([]string{"-C", repo, "status", "--porcelain"}, paths...)...).Output()
	if err == nil && len(bytes.TrimSpace(st)) > 0 {
		s += " + uncommitted changes"
	}
	return s
}

// ---------------------------------------------------------------- openfga

type packages struct {
	Analysed  int // go list ./...
	Deps      int // go list -deps ./...
	DepsTests int // go list -deps -test ./...
	GoVersion string
	GoFlags   string
}

func (e *env) runEnv() []string {
	env := os.Environ()
	if e.gocache != "" {
		env = append(env, "GOCACHE="+e.gocache)
	}
	return env
}

func prepareOpenFGA(e *env, configs []config) (packages, error) {
	var p packages
	const mod = "github.com/openfga/openfga"
	if _, err := os.Stat(filepath.Join(e.ofga, "go.mod")); err != nil {
		out, err := goOutput(e.cache, nil, "mod", "download", "-json", mod+"@"+*flagOpenFGA)
		if err != nil {
			return p, err
		}
		var info struct{ Dir, Error string }
		if err := json.Unmarshal([]byte(out), &info); err != nil {
			return p, fmt.Errorf("go mod download -json: %v", err)
		}
		if info.Error != "" || info.Dir == "" {
			return p, fmt.Errorf("go mod download %s@%s: %s", mod, *flagOpenFGA, info.Error)
		}
		tmp := e.ofga + ".tmp"
		os.RemoveAll(tmp)
		fmt.Fprintf(os.Stderr, "   copying %s to %s\n", info.Dir, e.ofga)
		if err := copyTree(info.Dir, tmp); err != nil {
			return p, err
		}
		if err := os.Rename(tmp, e.ofga); err != nil {
			return p, err
		}
	}
	extra := []string{}
	if e.gocache != "" {
		extra = append(extra, "GOCACHE="+e.gocache)
	}
	fmt.Fprintln(os.Stderr, "   go mod download; go build ./... (the first time this compiles all of openfga)")
	if err := goCmd(e.ofga, extra, "mod", "download"); err != nil {
		return p, err
	}
	if err := goCmd(e.ofga, extra, "build", "./..."); err != nil {
		return p, err
	}
	count := func(args ...string) (int, error) {
		out, err := goOutput(e.ofga, extra, args...)
		return len(strings.Fields(out)), err
	}
	var err error
	if p.Analysed, err = count("list", "./..."); err != nil {
		return p, err
	}
	if p.Deps, err = count("list", "-deps", "./..."); err != nil {
		return p, err
	}
	if p.DepsTests, err = count("list", "-deps", "-test", "./..."); err != nil {
		return p, err
	}
	v, err := goOutput(e.ofga, extra, "version")
	if err != nil {
		return p, err
	}
	p.GoVersion = strings.TrimSpace(v)
	if v, err = goOutput(e.ofga, extra, "env", "GOFLAGS"); err == nil {
		p.GoFlags = strings.TrimSpace(v)
	}

	// Warm what the timed runs read from the build cache: the export data
	// that a standalone checker loads through "go list -export", and the
	// compiled test variants that go vet needs. The no-op binary is used
	// bare (it answers -V=full itself); nothing here is timed.
	var noop string
	for _, c := range configs {
		if c.Tool == "noop" {
			noop = c.Bin
		}
	}
	if noop == "" {
		noop = configs[0].Bin
	}
	fmt.Fprintln(os.Stderr, "   warming the build cache: one untimed standalone run and one go vet run")
	cmd := exec.Command(noop, "-test=false", "./...")
	cmd.Dir, cmd.Env = e.ofga, e.runEnv()
	cmd.Run() // exit status judged in the timed runs
	cmd = exec.Command("go", "vet", "-vettool="+noop, "./...")
	cmd.Dir, cmd.Env = e.ofga, e.runEnv()
	if out, err := cmd.CombinedOutput(); err != nil && !isFindingsOnly("vet", cmd.ProcessState.ExitCode(), out) {
		return p, fmt.Errorf("warm-up go vet -vettool=%s ./...: %v\n%s", noop, err, firstLines(out, 20))
	}
	return p, nil
}

// copyTree copies the read-only module cache directory src to a writable dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil // the module cache holds only files and directories
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, info.Mode().Perm()|0o200)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

// ---------------------------------------------------------------- runs

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

// rssOf is the peak RSS shown for a run: in vet mode with the wrapper, the
// largest analysis process; otherwise the whole process tree.
func rssOf(c *cell, r run) float64 {
	if c.Mode == "vet" && r.ToolRuns > 0 {
		return r.ToolRSS
	}
	return r.TreeRSS
}

// ---------------------------------------------------------------- report

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

type metric func(*cell, run) float64

var (
	mWall    metric = func(_ *cell, r run) float64 { return r.Wall }
	mRSS     metric = rssOf
	mCPU     metric = func(_ *cell, r run) float64 { return r.CPU }
	mToolCPU metric = func(_ *cell, r run) float64 { return r.ToolCPU }
	mTreeRSS metric = func(_ *cell, r run) float64 { return r.TreeRSS }
)

func okRuns(c *cell) []run {
	var out []run
	for _, r := range c.Runs {
		if r.Failed == "" {
			out = append(out, r)
		}
	}
	return out
}

func medianOf(c *cell, m metric) float64 {
	var xs []float64
	for _, r := range okRuns(c) {
		xs = append(xs, m(c, r))
	}
	return median(xs)
}

// pairedRatio is the median over rounds of c's run divided by the
// baseline's run of the same round, so that drift during the benchmark,
// which touches both runs of a round alike, cancels.
func pairedRatio(c, base *cell, m metric) string {
	if base == nil {
		return "-"
	}
	byRound := map[int]run{}
	for _, r := range okRuns(base) {
		byRound[r.Round] = r
	}
	var xs []float64
	for _, r := range okRuns(c) {
		if b, ok := byRound[r.Round]; ok && m(base, b) > 0 {
			xs = append(xs, m(c, r)/m(base, b))
		}
	}
	if len(xs) == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", median(xs))
}

func spread(c *cell, m metric) string {
	var xs []float64
	for _, r := range okRuns(c) {
		xs = append(xs, m(c, r))
	}
	if len(xs) < 2 {
		return "-"
	}
	med := median(xs)
	if med == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*(slices.Max(xs)-slices.Min(xs))/med)
}

func report(w io.Writer, e *env, cells []*cell, versions []toolVersion, p packages) {
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
		if c.Config.Tool == "spanattrlint" && len(c.Config.Args) > 0 {
			fmt.Fprintf(w, "  spanattrlint -constants row: %s\n", strings.Join(c.Config.Args, " "))
			break
		}
	}

	base := map[string]*cell{}
	for _, c := range cells {
		if c.Config.Tool == "noop" && base[c.Mode] == nil && len(okRuns(c)) > 0 {
			base[c.Mode] = c
		}
	}

	fmt.Fprintln(w, "\nmedians, and the median of paired ratios to the no-op in the same mode and round (×noop):")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
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

	if slices.ContainsFunc(cells, func(c *cell) bool { return c.Mode == "vet" }) && *flagVetWrap {
		fmt.Fprintln(w, "\ngo vet detail: the analysis processes alone (from the wrapper) and the whole go vet process tree:")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
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

	fmt.Fprint(w, `
standalone = TOOL -test=false ./... in the openfga directory; peak RSS = the tool process and its
  go list children (wait4 ru_maxrss covers reaped descendants); CPU = user+sys of that tree.
vet = go vet -vettool=TOOL ./... (test files included, one tool process per package and dependency,
  vet cache defeated per run); peak RSS = the largest single analysis process; CPU = user+sys of the
  whole go vet tree.
findings = file.go:L:C lines printed, plus diagnostics that a tool printed as raw JSON under go vet; exit 3 (standalone) and 1 (vet) with findings are not failures.
Absolute times drift 10-15% between runs on a shared machine; read the ×noop columns.
`)
}

func setString(m map[int]bool) string {
	var ks []int
	for k := range m {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	var s []string
	for _, k := range ks {
		s = append(s, strconv.Itoa(k))
	}
	if len(s) == 0 {
		return "-"
	}
	return strings.Join(s, ",")
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
