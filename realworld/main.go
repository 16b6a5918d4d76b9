// Command realworld is spanattrlint's real-world proving ground (issue 3).
// It is not part of CI: it needs the Go module proxy and takes minutes.
//
// For each pinned module it:
//
//  1. downloads it through the Go module proxy (go mod download -json),
//     copies it out of the module cache into a writable scratch directory,
//     and runs go mod download, go build ./... and go vet ./... there;
//  2. runs spanattrlint (built once from this checkout) with -json on ./...,
//     measuring wall time, CPU and peak RSS, and counts the findings by kind
//     (attribute key, event name, span name) and by outcome (with a fix, no
//     constant defines it, a semconv hint without a fix);
//  3. applies -fix to a second copy, then runs go build ./..., go vet ./...
//     (only vet findings that were not there before the fix count),
//     gofmt -l on the changed files, optionally go test, and spanattrlint
//     -json again, which must leave no finding with a suggested fix;
//  4. prints a markdown table, and writes it with the findings, the diff of
//     the fix and every command's output under the scratch directory.
//
// Usage (from the repository root):
//
//	realworld/run.sh [flags]
//	go -C realworld run . -repo .. [flags]
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
	"time"
)

// defaultModules are the pinned modules, as LABEL=PATH@VERSION[:FLAG...].
// The +constants rows run again on the same copy with -constants naming the
// module's own package of key constants, as a user of the module would.
const defaultModules = "" +
	"openfga=github.com/openfga/openfga@v1.22.1 " +
	"openfga+constants=github.com/openfga/openfga@v1.22.1:-constants=github.com/openfga/openfga/internal/utils/apimethod " +
	"jaeger=github.com/jaegertracing/jaeger@v1.76.0 " +
	"jaeger+constants=github.com/jaegertracing/jaeger@v1.76.0:-constants=github.com/jaegertracing/jaeger/internal/telemetry/otelsemconv " +
	"otelhttp=go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp@v0.72.0 " +
	"otelgrpc=go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc@v0.72.0 " +
	"adbc=github.com/apache/arrow-adbc/go/adbc@v1.10.0"

var (
	flagRepo      = flag.String("repo", "..", "root of the spanattrlint checkout to build the linter from")
	flagCache     = flag.String("cache", os.Getenv("SPANATTRLINT_REALWORLD_CACHE"), "scratch `dir` for the module copies, the binary and the results (default REPO/.cache/realworld; env SPANATTRLINT_REALWORLD_CACHE)")
	flagModules   = flag.String("modules", defaultModules, "space-separated `LABEL=PATH@VERSION[:FLAG...]` modules to run: FLAGs (no commas; repeat -constants=PKG for more) go to every spanattrlint run of that row; PATH@VERSION alone takes the last path element as label")
	flagOnly      = flag.String("only", "", "comma-separated labels: run only these of -modules")
	flagSpanNames = flag.Bool("span-names", true, "pass -span-names to spanattrlint (span names are then reported, counted and fixed too)")
	flagTest      = flag.Bool("test", true, "pass -test (analyse test files) to spanattrlint")
	flagGoTest    = flag.String("gotest", "otelhttp,otelgrpc", "comma-separated labels of modules whose go test ./... is run before and after the fix (a package that passed before and fails after is breakage)")
	flagRev       = flag.String("rev", "", "build spanattrlint from this git `revision` of -repo (git archive) instead of the working tree")
	flagFresh     = flag.Bool("fresh", false, "copy the modules out of the module cache again even if a copy exists")
	flagVerbose   = flag.Bool("v", false, "print every command as it runs")
)

type module struct {
	Label, Path, Version string
	Flags                []string `json:",omitempty"` // extra spanattrlint flags
}

// dir names the module's copies: rows of one module share them.
func (m module) dir() string {
	base := filepath.Base(m.Path)
	if regexp.MustCompile(`^v[0-9]+$`).MatchString(base) {
		base = filepath.Base(filepath.Dir(m.Path))
	}
	return base + "@" + m.Version
}

func (m module) String() string { return m.Path + "@" + m.Version }

// A result is what the table shows for one module, saved as JSON too.
type result struct {
	Module   module `json:"module"`
	Failed   string `json:"failed,omitempty"` // a step that stopped the module
	Packages int    `json:"packages"`

	Lint     runStats       `json:"lint"`
	Counts   map[string]int `json:"counts"` // "attribute key/fix", "event name/none", ...
	Errors   []string       `json:"errors,omitempty"`
	Crash    string         `json:"crash,omitempty"`
	Disagree []string       `json:"variant_disagreements,omitempty"` // one position, different messages

	FixRan       bool     `json:"fix_ran"`
	FixExit      int      `json:"fix_exit"`
	FixStderr    string   `json:"fix_stderr,omitempty"`
	Changed      []string `json:"changed_files"`
	DiffLines    int      `json:"diff_lines"` // + and - lines of the diff
	BuildOK      bool     `json:"build_ok"`
	BuildOut     string   `json:"build_out,omitempty"`
	VetBefore    int      `json:"vet_before"`
	VetNew       []string `json:"vet_new,omitempty"`
	VetGone      []string `json:"vet_gone,omitempty"`
	Gofmt        []string `json:"gofmt_unclean,omitempty"`
	TestRan      bool     `json:"test_ran"`
	TestBroken   []string `json:"test_broken,omitempty"`
	TestFlaky    []string `json:"test_flaky,omitempty"` // failed after the fix, then passed
	LeftFixable  int      `json:"left_fixable"`
	LeftOther    int      `json:"left_other"`
	LeftExpected int      `json:"left_expected"` // unfixable findings before the fix
	Elapsed      float64  `json:"elapsed_s"`
}

type runStats struct {
	Exit    int     `json:"exit"`
	Wall    float64 `json:"wall_s"`
	CPU     float64 `json:"cpu_s"`
	PeakMiB float64 `json:"peak_rss_mib"`
}

var (
	cacheDir string
	goEnv    []string
	logw     io.Writer = io.Discard
)

func main() {
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: realworld/run.sh [flags]\n\nLints pinned real modules with spanattrlint, applies -fix to a copy and checks the result.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	repo, err := filepath.Abs(*flagRepo)
	check(err)
	if _, err := os.Stat(filepath.Join(repo, "cmd", "spanattrlint")); err != nil {
		fatalf("-repo %s: not a spanattrlint checkout (%v)", repo, err)
	}
	cacheDir = *flagCache
	if cacheDir == "" {
		cacheDir = filepath.Join(repo, ".cache", "realworld")
	}
	cacheDir, err = filepath.Abs(cacheDir)
	check(err)
	check(os.MkdirAll(filepath.Join(cacheDir, "results"), 0o755))
	goEnv = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -buildvcs=false"))

	mods, err := parseModules(*flagModules, *flagOnly)
	check(err)
	gotest := map[string]bool{}
	for _, l := range splitList(*flagGoTest) {
		gotest[l] = true
	}

	logf, err := os.Create(filepath.Join(cacheDir, "results", "commands.log"))
	check(err)
	defer logf.Close()
	logw = logf

	// The header: what was run, where.
	goVersion := strings.TrimSpace(mustOutput(repo, "go", "version"))
	bin := filepath.Join(cacheDir, "bin", "spanattrlint")
	var commit string
	src := repo
	if *flagRev == "" {
		commit = strings.TrimSpace(mustOutput(repo, "git", "rev-parse", "--short=12", "HEAD"))
		if dirty := strings.TrimRight(mustOutput(repo, "git", "status", "--porcelain", "--", "analyzer", "cmd", "internal", "go.mod", "go.sum"), "\n"); dirty != "" {
			commit += " (working tree, with uncommitted changes to " + strings.Join(dirtyPaths(dirty), ", ") + ")"
		}
	} else {
		commit = strings.TrimSpace(mustOutput(repo, "git", "rev-parse", "--short=12", *flagRev+"^{commit}"))
		src = filepath.Join(cacheDir, "build", commit)
		check(os.RemoveAll(src))
		check(os.MkdirAll(src, 0o755))
		tar := src + ".tar"
		mustOutput(repo, "git", "archive", "--format=tar", "-o", tar, commit)
		mustOutput(src, "tar", "-xf", tar)
		os.Remove(tar)
	}
	step("build spanattrlint %s from %s", commit, src)
	if r := run(src, nil, "go", "build", "-o", bin, "./cmd/spanattrlint"); r.exit != 0 {
		fatalf("go build ./cmd/spanattrlint failed:\n%s", r.combined())
	}

	var results []*result
	for _, m := range mods {
		res := doModule(m, bin, gotest[m.Label])
		results = append(results, res)
		data, _ := json.MarshalIndent(res, "", "\t")
		check(os.WriteFile(filepath.Join(cacheDir, "results", m.Label, "result.json"), append(data, '\n'), 0o644))
	}

	var buf bytes.Buffer
	fmt.Fprintf(&buf, "## spanattrlint on real modules\n\n")
	fmt.Fprintf(&buf, "- date: %s\n", start.UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&buf, "- %s, %d CPUs, load average %s at the end\n", goVersion, runtime.NumCPU(), loadavg())
	fmt.Fprintf(&buf, "- spanattrlint commit %s\n", commit)
	flags := []string{"-json"}
	if *flagSpanNames {
		flags = append(flags, "-span-names")
	}
	if !*flagTest {
		flags = append(flags, "-test=false")
	}
	fmt.Fprintf(&buf, "- command: `spanattrlint %s ./...` in a copy of each module; then `-fix` on a second copy\n", strings.Join(flags, " "))
	fmt.Fprintf(&buf, "- whole run: %.0f s\n\n", time.Since(start).Seconds())
	writeTable(&buf, results)
	writeDetails(&buf, results)
	os.Stdout.Write(buf.Bytes())
	report := filepath.Join(cacheDir, "results", "report.md")
	check(os.WriteFile(report, buf.Bytes(), 0o644))
	fmt.Fprintf(os.Stderr, "\nreport: %s\nfindings, diffs and logs: %s/results/LABEL/\n", report, cacheDir)

	for _, r := range results {
		if r.Failed != "" || r.Crash != "" || !r.BuildOK || len(r.VetNew) > 0 || len(r.Gofmt) > 0 || len(r.TestBroken) > 0 || r.LeftFixable > 0 || r.FixExit != 0 {
			os.Exit(1)
		}
	}
}

func parseModules(list, only string) ([]module, error) {
	var mods []module
	keep := map[string]bool{}
	for _, l := range splitList(only) {
		keep[l] = true
	}
	for _, item := range strings.Fields(list) {
		label, spec, ok := strings.Cut(item, "=")
		if !ok || strings.Contains(label, "@") {
			spec, label = item, ""
		}
		spec, flags, _ := strings.Cut(spec, ":")
		path, version, ok := strings.Cut(spec, "@")
		if !ok || path == "" || version == "" {
			return nil, fmt.Errorf("-modules: %q is not [LABEL=]PATH@VERSION[:FLAG...]", item)
		}
		if label == "" {
			label = filepath.Base(path)
			if regexp.MustCompile(`^v[0-9]+$`).MatchString(label) {
				label = filepath.Base(filepath.Dir(path))
			}
		}
		if len(keep) > 0 && !keep[label] {
			continue
		}
		m := module{Label: label, Path: path, Version: version}
		if flags != "" {
			m.Flags = strings.Split(flags, ":")
		}
		mods = append(mods, m)
	}
	if len(mods) == 0 {
		return nil, errors.New("no module to run")
	}
	return mods, nil
}

// A before is what the unfixed copy of a module gives: the rows of one
// module share it within a run.
type before struct {
	packages        int
	vetOut, testOut string
	vet             []string
	test            map[string]string // package -> ok or FAIL
}

var baselines = map[string]*before{}

// baseline builds, lists, vets and optionally tests the unfixed copy.
func baseline(m module, orig string, gotest bool) (*before, string) {
	b := &before{}
	step("%s: go build ./...", m.Label)
	if r := run(orig, nil, "go", "build", "./..."); r.exit != 0 {
		return nil, "go build ./... before the fix:\n" + r.combined()
	}
	r := run(orig, nil, "go", "list", "./...")
	if r.exit != 0 {
		return nil, "go list ./...:\n" + r.combined()
	}
	b.packages = len(strings.Fields(string(r.stdout)))
	step("%s: go vet ./... (before the fix)", m.Label)
	b.vetOut = run(orig, nil, "go", "vet", "./...").combined()
	b.vet = vetLines(b.vetOut, orig)
	if gotest {
		step("%s: go test ./... (before the fix)", m.Label)
		b.testOut = run(orig, nil, "go", "test", "./...").combined()
		b.test = testResults(b.testOut)
		for pkg, st := range b.test {
			if st != "FAIL" {
				continue
			}
			for range 2 { // a flaky package would otherwise go unchecked
				step("%s: go test -count=1 %s (again: it failed before the fix)", m.Label, pkg)
				if run(orig, nil, "go", "test", "-count=1", pkg).exit == 0 {
					b.test[pkg] = "ok"
					break
				}
			}
		}
	}
	return b, ""
}

// freshened records the copies that -fresh has already renewed in this run.
var freshened = map[string]bool{}

// commonFlags are the spanattrlint flags of every run on m.
func commonFlags(m module) []string {
	var flags []string
	if *flagSpanNames {
		flags = append(flags, "-span-names")
	}
	if !*flagTest {
		flags = append(flags, "-test=false")
	}
	return append(flags, m.Flags...)
}

// doModule runs every step on one module; a failing step ends it.
func doModule(m module, bin string, gotest bool) *result {
	start := time.Now()
	res := &result{Module: m, Counts: map[string]int{}}
	defer func() { res.Elapsed = time.Since(start).Seconds() }()
	out := filepath.Join(cacheDir, "results", m.Label)
	check(os.RemoveAll(out))
	check(os.MkdirAll(out, 0o755))
	save := func(name, data string) { check(os.WriteFile(filepath.Join(out, name), []byte(data), 0o644)) }
	fail := func(format string, args ...any) *result {
		res.Failed = fmt.Sprintf(format, args...)
		fmt.Fprintf(os.Stderr, "    FAILED: %s\n", res.Failed)
		return res
	}

	// 1. Download, copy, build and vet the original.
	step("%s: download %s", m.Label, m)
	r := run(os.TempDir(), nil, "go", "mod", "download", "-json", m.String())
	var dl struct{ Dir, Error string }
	if err := json.Unmarshal(r.stdout, &dl); err != nil || dl.Error != "" || dl.Dir == "" || r.exit != 0 {
		return fail("go mod download %s: %s%s", m, dl.Error, r.stderr)
	}
	orig := filepath.Join(cacheDir, "src", m.dir())
	stamp := filepath.Join(cacheDir, "src", "."+m.dir()+".ok")
	if _, err := os.Stat(stamp); err != nil || (*flagFresh && !freshened[m.dir()]) {
		freshened[m.dir()] = true
		step("%s: copy %s to %s", m.Label, dl.Dir, orig)
		os.Remove(stamp)
		check(os.RemoveAll(orig))
		check(copyTree(dl.Dir, orig))
		if r := run(orig, nil, "go", "mod", "download"); r.exit != 0 {
			return fail("go mod download in %s:\n%s", orig, r.combined())
		}
		check(os.WriteFile(stamp, nil, 0o644))
	}
	base := baselines[m.dir()]
	if base == nil || (gotest && base.test == nil) {
		var errMsg string
		if base, errMsg = baseline(m, orig, gotest); errMsg != "" {
			return fail("%s", errMsg)
		}
		baselines[m.dir()] = base
	}
	save("vet-before.txt", base.vetOut)
	if gotest {
		save("test-before.txt", base.testOut)
	}
	res.Packages = base.packages
	before := base.vet
	res.VetBefore = len(before)
	testBefore := base.test
	res.TestRan = gotest

	// 2. Lint the original.
	args := append([]string{"-json"}, commonFlags(m)...)
	step("%s: spanattrlint %s ./... (%d packages)", m.Label, strings.Join(args, " "), res.Packages)
	lint := run(orig, nil, bin, append(args, "./...")...)
	res.Lint = runStats{lint.exit, lint.wall.Seconds(), lint.cpu.Seconds(), float64(lint.maxrss) / 1024}
	save("lint.json", string(lint.stdout))
	save("lint-stderr.txt", string(lint.stderr))
	if crash := crashOf(lint); crash != "" {
		res.Crash = crash
		return fail("spanattrlint -json: %s", crash)
	}
	diags, errs, err := parseJSON(lint.stdout)
	if err != nil {
		return fail("spanattrlint -json output: %v", err)
	}
	res.Errors = errs
	uniq, disagree := dedup(diags)
	for _, d := range disagree {
		res.Disagree = append(res.Disagree, strings.ReplaceAll(d, orig+string(filepath.Separator), ""))
	}
	for _, d := range uniq {
		res.Counts[d.kind()+"/"+d.outcome()]++
		if d.check() != "hard-coded" {
			res.Counts["check/"+d.check()]++
		}
		if len(d.Fixes) == 0 {
			res.LeftExpected++
		}
	}
	save("findings.txt", listing(uniq, orig))

	// 3. Fix a fresh copy and check it.
	fixed := filepath.Join(cacheDir, "fixed", m.Label+"@"+m.Version)
	if len(m.Flags) == 0 {
		fixed = filepath.Join(cacheDir, "fixed", m.dir())
	}
	check(os.RemoveAll(fixed))
	check(copyTree(orig, fixed))
	fixArgs := append([]string{"-fix"}, commonFlags(m)...)
	step("%s: spanattrlint %s ./...", m.Label, strings.Join(fixArgs, " "))
	fix := run(fixed, nil, bin, append(fixArgs, "./...")...)
	res.FixRan = true
	res.FixExit = fix.exit
	res.FixStderr = string(fix.stderr)
	save("fix-output.txt", fix.combined())
	if crash := crashOf(fix); crash != "" && fix.exit != 3 {
		res.Crash = "-fix: " + crash
	}
	res.Changed = changedFiles(orig, fixed)
	d := run(filepath.Dir(filepath.Dir(fixed)), nil, "diff", "-ru", filepath.Join("src", m.dir()), filepath.Join("fixed", filepath.Base(fixed)))
	save("fix.diff", string(d.stdout))
	for _, line := range strings.Split(string(d.stdout), "\n") {
		if (strings.HasPrefix(line, "+") && !strings.HasPrefix(line, "+++")) || (strings.HasPrefix(line, "-") && !strings.HasPrefix(line, "---")) {
			res.DiffLines++
		}
	}

	step("%s: go build ./... (after the fix; %d files changed)", m.Label, len(res.Changed))
	b := run(fixed, nil, "go", "build", "./...")
	res.BuildOK = b.exit == 0
	res.BuildOut = b.combined()
	step("%s: go vet ./... (after the fix)", m.Label)
	vetAfter := run(fixed, nil, "go", "vet", "./...")
	save("vet-after.txt", vetAfter.combined())
	after := vetLines(vetAfter.combined(), fixed)
	res.VetNew = multisetMinus(after, before)
	res.VetGone = multisetMinus(before, after)
	if len(res.Changed) > 0 {
		g := run(fixed, nil, "gofmt", append([]string{"-l"}, res.Changed...)...)
		res.Gofmt = strings.Fields(string(g.stdout))
		if g.exit != 0 {
			res.Gofmt = append(res.Gofmt, "gofmt failed: "+g.combined())
		}
	}
	if gotest {
		step("%s: go test ./... (after the fix)", m.Label)
		t := run(fixed, nil, "go", "test", "./...")
		save("test-after.txt", t.combined())
		for pkg, st := range testResults(t.combined()) {
			if testBefore[pkg] != "ok" || st == "ok" {
				continue
			}
			// Real tests can be flaky on a loaded machine: a package
			// is broken only if it fails twice more.
			broken := true
			for range 2 {
				step("%s: go test -count=1 %s (again: it failed after the fix)", m.Label, pkg)
				if run(fixed, nil, "go", "test", "-count=1", pkg).exit == 0 {
					res.TestFlaky = append(res.TestFlaky, pkg)
					broken = false
					break
				}
			}
			if broken {
				res.TestBroken = append(res.TestBroken, pkg)
			}
		}
		sort.Strings(res.TestBroken)
		sort.Strings(res.TestFlaky)
	}
	step("%s: spanattrlint %s ./... (after the fix)", m.Label, strings.Join(args, " "))
	again := run(fixed, nil, bin, append(args, "./...")...)
	save("lint-after.json", string(again.stdout))
	if crash := crashOf(again); crash != "" {
		res.Crash = "after the fix: " + crash
	}
	if diags, _, err := parseJSON(again.stdout); err == nil {
		left, _ := dedup(diags)
		save("findings-after.txt", listing(left, fixed))
		for _, d := range left {
			if len(d.Fixes) > 0 {
				res.LeftFixable++
			} else {
				res.LeftOther++
			}
		}
	} else {
		res.Crash = "after the fix: -json output: " + err.Error()
	}
	return res
}

// --- spanattrlint's JSON ---

type diag struct {
	Pkg      string `json:"-"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Category string `json:"category"` // hard-coded, deprecated, misspelled, naming, ... (empty before d20401f)
	Fixes    []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename   string `json:"filename"`
			Start, End int
			New        string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

// kindRE finds the kind in "hard-coded attribute key ..." and in messages
// of other checks that name one ("attribute key "storeID" breaks ...").
var kindRE = regexp.MustCompile(`^(?:hard-coded )?(attribute key|event name|span name) `)

func (d *diag) kind() string {
	if m := kindRE.FindStringSubmatch(d.Message); m != nil {
		return m[1]
	}
	return "other"
}

// check is the diagnostic's category: hard-coded for the findings this
// proving ground is about, or one of the checks of a key's value.
func (d *diag) check() string {
	switch {
	case d.Category != "":
		return d.Category
	case strings.HasPrefix(d.Message, "hard-coded "):
		return "hard-coded"
	}
	return "other"
}

// outcome is fix (a suggested fix), none (no constant defines it), hint
// (a constant is named, with its import, but not fixed) or other; for the
// other checks, their category.
func (d *diag) outcome() string {
	switch {
	case d.check() != "hard-coded":
		return d.check()
	case len(d.Fixes) > 0:
		return "fix"
	case strings.HasSuffix(d.Message, ": no constant defines it"):
		return "none"
	case strings.Contains(d.Message, `(import "`):
		return "hint"
	}
	return "other"
}

// parseJSON reads {"pkg": {"spanattrlint": [diag...] or {"error": "..."}}}.
func parseJSON(data []byte) ([]*diag, []string, error) {
	var tree map[string]map[string]json.RawMessage
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, nil // no package had anything to say
	}
	if err := json.Unmarshal(data, &tree); err != nil {
		return nil, nil, err
	}
	var diags []*diag
	var errs []string
	for pkg, byAnalyzer := range tree {
		for _, raw := range byAnalyzer {
			var ds []*diag
			if err := json.Unmarshal(raw, &ds); err == nil {
				for _, d := range ds {
					d.Pkg = pkg
				}
				diags = append(diags, ds...)
				continue
			}
			var e struct{ Error string }
			if err := json.Unmarshal(raw, &e); err != nil {
				return nil, nil, fmt.Errorf("package %s: %v", pkg, err)
			}
			errs = append(errs, pkg+": "+e.Error)
		}
	}
	sort.Strings(errs)
	return diags, errs, nil
}

// dedup keeps one diagnostic per position and message: a file of a
// package with tests is analysed in the package and in its test variant.
// Positions where the variants report different messages are returned as
// disagreements.
func dedup(diags []*diag) ([]*diag, []string) {
	sort.SliceStable(diags, func(i, j int) bool {
		if diags[i].Posn != diags[j].Posn {
			return lessPosn(diags[i].Posn, diags[j].Posn)
		}
		return diags[i].Message < diags[j].Message
	})
	var out []*diag
	var disagree []string
	for i := 0; i < len(diags); {
		j := i
		byPkg := map[string][]string{}
		for ; j < len(diags) && diags[j].Posn == diags[i].Posn; j++ {
			d := diags[j]
			byPkg[d.Pkg] = append(byPkg[d.Pkg], fmt.Sprintf("%q (%d fixes)", d.Message, len(d.Fixes)))
			if n := len(out); n == 0 || out[n-1].Posn != d.Posn || out[n-1].Message != d.Message {
				out = append(out, d)
			}
		}
		var pkgs []string
		for p := range byPkg {
			pkgs = append(pkgs, p)
		}
		sort.Strings(pkgs)
		for _, p := range pkgs[1:] {
			if !slices.Equal(byPkg[p], byPkg[pkgs[0]]) {
				disagree = append(disagree, fmt.Sprintf("%s: %s says %s; %s says %s", diags[i].Posn,
					pkgs[0], strings.Join(byPkg[pkgs[0]], ", "), p, strings.Join(byPkg[p], ", ")))
			}
		}
		i = j
	}
	return out, disagree
}

func lessPosn(a, b string) bool {
	fa, la, ca := splitPosn(a)
	fb, lb, cb := splitPosn(b)
	if fa != fb {
		return fa < fb
	}
	if la != lb {
		return la < lb
	}
	return ca < cb
}

func splitPosn(p string) (string, int, int) {
	parts := strings.Split(p, ":")
	if len(parts) < 3 {
		return p, 0, 0
	}
	n := len(parts)
	line, _ := strconv.Atoi(parts[n-2])
	col, _ := strconv.Atoi(parts[n-1])
	return strings.Join(parts[:n-2], ":"), line, col
}

// listing writes the findings for reading by hand: position, message, the
// source line and the fix.
func listing(diags []*diag, root string) string {
	var b strings.Builder
	lines := map[string][]string{}
	for _, d := range diags {
		file, line, _ := splitPosn(d.Posn)
		rel, err := filepath.Rel(root, file)
		if err != nil {
			rel = file
		}
		fmt.Fprintf(&b, "%s:%d: [%s/%s] %s\n", rel, line, d.kind(), d.outcome(), d.Message)
		if d.check() == "other" && d.kind() == "other" {
			fmt.Fprintf(&b, "\t! unrecognised message\n")
		}
		if _, ok := lines[file]; !ok {
			data, _ := os.ReadFile(file)
			lines[file] = strings.Split(string(data), "\n")
		}
		if src := lines[file]; line >= 1 && line <= len(src) {
			fmt.Fprintf(&b, "\t| %s\n", strings.TrimSpace(src[line-1]))
		}
		for _, f := range d.Fixes {
			fmt.Fprintf(&b, "\t=> %s (%d edits)\n", f.Message, len(f.Edits))
		}
	}
	return b.String()
}

// --- checks ---

func isPanic(crash string) bool {
	return strings.Contains(crash, "panic:") || strings.Contains(crash, "fatal error:") || strings.Contains(crash, "goroutine ")
}

// crashOf says why a run of spanattrlint failed: a panic, a fatal error or
// an exit status other than 0 (with -json, 0 unless it failed).
func crashOf(r cmdResult) string {
	s := string(r.stderr)
	for _, marker := range []string{"panic:", "fatal error:", "internal error", "goroutine "} {
		if i := strings.Index(s, marker); i >= 0 {
			return firstLines(s[i:], 5)
		}
	}
	if r.exit != 0 {
		return fmt.Sprintf("exit status %d: %s", r.exit, firstLines(s, 5))
	}
	return ""
}

var vetPosRE = regexp.MustCompile(`^(\S+?\.go):\d+(:\d+)?: `)

// vetLines normalises go vet's output for comparison before and after the
// fix: relative file names, no line or column (a fix that adds an import
// moves lines), no "# package" headers.
func vetLines(out, root string) []string {
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.ReplaceAll(line, root+string(filepath.Separator), "")
		line = vetPosRE.ReplaceAllString(line, "$1: ")
		lines = append(lines, line)
	}
	return lines
}

// multisetMinus returns the lines of a not matched by a line of b.
func multisetMinus(a, b []string) []string {
	count := map[string]int{}
	for _, l := range b {
		count[l]++
	}
	var out []string
	for _, l := range a {
		if count[l] > 0 {
			count[l]--
			continue
		}
		out = append(out, l)
	}
	return out
}

var testLineRE = regexp.MustCompile(`^(ok|FAIL|\?)\s+(\S+)`)

// testResults maps packages to ok or FAIL from go test's output.
func testResults(out string) map[string]string {
	res := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if m := testLineRE.FindStringSubmatch(line); m != nil && m[2] != "" {
			res[m[2]] = m[1]
		}
	}
	return res
}

// changedFiles lists the files of fixed (relative) that differ from orig.
func changedFiles(orig, fixed string) []string {
	var changed []string
	filepath.WalkDir(fixed, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(fixed, p)
		a, errA := os.ReadFile(filepath.Join(orig, rel))
		b, _ := os.ReadFile(p)
		if errA != nil || !bytes.Equal(a, b) {
			changed = append(changed, rel)
		}
		return nil
	})
	return changed
}

// copyTree copies a module directory, making everything writable (the
// module cache is read-only).
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			return os.MkdirAll(target, info.Mode().Perm()|0o700)
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, info.Mode().Perm()|0o200)
		}
		return nil
	})
}

// --- the report ---

func writeTable(w io.Writer, results []*result) {
	fmt.Fprintln(w, "Findings are counted once per position (a file is analysed in its package and in its test variant).")
	fmt.Fprintln(w, "Each hard-coded cell is `with a fix / no constant defines it / semconv hint without a fix`.")
	fmt.Fprintln(w, "Value checks are the findings of the other categories (deprecated, misspelled, naming, ...), which have no fix by default; a key can have one of each.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| module | version | packages | hard-coded keys | hard-coded event names | hard-coded span names | value checks | time s | CPU s | peak MiB | files fixed | -fix exit | fix builds? | vet ok? | gofmt ok? | tests ok? | fixable left |")
	fmt.Fprintln(w, "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- | ---: |")
	for _, r := range results {
		name := r.Module.Path
		if len(r.Module.Flags) > 0 {
			name += " `" + strings.Join(r.Module.Flags, " ") + "`"
		}
		if r.Failed != "" {
			fmt.Fprintf(w, "| %s | %s | %d | **failed**: %s |\n", name, r.Module.Version, r.Packages, strings.ReplaceAll(oneLine(r.Failed), "|", "\\|"))
			continue
		}
		cell := func(kind string) string {
			s := fmt.Sprintf("%d / %d / %d", r.Counts[kind+"/fix"], r.Counts[kind+"/none"], r.Counts[kind+"/hint"])
			if n := r.Counts[kind+"/other"]; n > 0 {
				s += fmt.Sprintf(" (+%d other)", n)
			}
			return s
		}
		var checks []string
		for k, n := range r.Counts {
			if c, ok := strings.CutPrefix(k, "check/"); ok {
				checks = append(checks, fmt.Sprintf("%s %d", c, n))
			}
		}
		sort.Strings(checks)
		if len(checks) == 0 {
			checks = []string{"0"}
		}
		yes := func(ok bool, bad string) string {
			if ok {
				return "yes"
			}
			return "**" + bad + "**"
		}
		tests := "not run"
		if r.TestRan {
			tests = yes(len(r.TestBroken) == 0, fmt.Sprintf("no: %d pkgs", len(r.TestBroken)))
		}
		fmt.Fprintf(w, "| %s | %s | %d | %s | %s | %s | %s | %.1f | %.1f | %.0f | %d | %d | %s | %s | %s | %s | %d |\n",
			name, r.Module.Version, r.Packages,
			cell("attribute key"), cell("event name"), cell("span name"), strings.Join(checks, ", "),
			r.Lint.Wall, r.Lint.CPU, r.Lint.PeakMiB, len(r.Changed), r.FixExit,
			yes(r.BuildOK, "no"), yes(len(r.VetNew) == 0, fmt.Sprintf("no: %d new", len(r.VetNew))),
			yes(len(r.Gofmt) == 0, fmt.Sprintf("no: %d", len(r.Gofmt))), tests, r.LeftFixable)
	}
	crashes, failed, broken := 0, 0, 0
	for _, r := range results {
		switch {
		case isPanic(r.Crash):
			crashes++
		case r.Crash != "" || r.Failed != "":
			failed++
		}
		if r.FixRan && (!r.BuildOK || len(r.VetNew) > 0 || len(r.TestBroken) > 0) {
			broken++
		}
	}
	fmt.Fprintf(w, "\nCrashes (panics): %d. Rows where a step failed otherwise: %d. Rows whose fix broke the build, vet or tests: %d.\n", crashes, failed, broken)
}

func writeDetails(w io.Writer, results []*result) {
	for _, r := range results {
		var notes []string
		if r.Failed != "" {
			notes = append(notes, "failed: "+r.Failed)
		}
		if r.Crash != "" && !strings.Contains(r.Failed, r.Crash) {
			notes = append(notes, "crash: "+r.Crash)
		}
		for _, e := range r.Errors {
			notes = append(notes, "analysis error: "+e)
		}
		for i, d := range r.Disagree {
			if i == 3 {
				notes = append(notes, fmt.Sprintf("... %d more disagreements in results/%s/result.json", len(r.Disagree)-3, r.Module.Label))
				break
			}
			notes = append(notes, "package and test variant disagree: "+d)
		}
		if r.FixExit != 0 {
			notes = append(notes, fmt.Sprintf("-fix exit status %d: %s", r.FixExit, firstLines(r.FixStderr, 10)))
		}
		if !r.BuildOK && r.FixRan {
			notes = append(notes, "go build after the fix:\n```\n"+firstLines(r.BuildOut, 30)+"\n```")
		}
		if len(r.VetNew) > 0 {
			notes = append(notes, "new vet findings after the fix:\n```\n"+strings.Join(r.VetNew, "\n")+"\n```")
		}
		if r.VetBefore > 0 {
			notes = append(notes, fmt.Sprintf("go vet before the fix printed %d lines (see vet-before.txt); %d are gone after it", r.VetBefore, len(r.VetGone)))
		}
		if len(r.Gofmt) > 0 {
			notes = append(notes, "not gofmt-clean after the fix: "+strings.Join(r.Gofmt, ", "))
		}
		if len(r.TestFlaky) > 0 {
			notes = append(notes, "tests that failed after the fix but passed when run again (flaky, not counted): "+strings.Join(r.TestFlaky, ", "))
		}
		if len(r.TestBroken) > 0 {
			notes = append(notes, "tests that passed before and fail after: "+strings.Join(r.TestBroken, ", "))
		}
		if r.LeftOther != r.LeftExpected && r.FixRan {
			notes = append(notes, fmt.Sprintf("findings without a fix: %d before, %d after", r.LeftExpected, r.LeftOther))
		}
		if r.FixRan {
			notes = append(notes, fmt.Sprintf("-fix changed %d files (%d diff lines); module done in %.0f s", len(r.Changed), r.DiffLines, r.Elapsed))
		}
		if len(notes) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n### %s\n\n", r.Module.Label)

		for _, n := range notes {
			fmt.Fprintf(w, "- %s\n", n)
		}
	}
}

// --- running commands ---

type cmdResult struct {
	stdout, stderr []byte
	exit           int
	wall, cpu      time.Duration
	maxrss         int64 // KiB: the largest peak of the process and its reaped descendants
}

func (r cmdResult) combined() string { return string(r.stdout) + string(r.stderr) }

func run(dir string, env []string, name string, args ...string) cmdResult {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(slices.Clone(goEnv), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if *flagVerbose {
		fmt.Fprintf(os.Stderr, "      $ (cd %s && %s %s)\n", dir, name, strings.Join(args, " "))
	}
	start := time.Now()
	err := cmd.Run()
	res := cmdResult{stdout: stdout.Bytes(), stderr: stderr.Bytes(), wall: time.Since(start)}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		res.exit = ee.ExitCode()
	default:
		res.exit = -1
		res.stderr = append(res.stderr, []byte(err.Error())...)
	}
	if ps := cmd.ProcessState; ps != nil {
		res.cpu = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			res.maxrss = ru.Maxrss
		}
	}
	fmt.Fprintf(logw, "$ (cd %s && %s %s)  # exit %d, %.1fs\n%s\n", dir, name, strings.Join(args, " "), res.exit, res.wall.Seconds(), firstLines(string(res.stderr), 40))
	return res
}

func mustOutput(dir, name string, args ...string) string {
	r := run(dir, nil, name, args...)
	if r.exit != 0 {
		fatalf("%s %s: %s", name, strings.Join(args, " "), r.combined())
	}
	return string(r.stdout)
}

// --- small helpers ---

func step(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s  %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func dirtyPaths(porcelain string) []string {
	var out []string
	for _, line := range strings.Split(porcelain, "\n") {
		if len(line) > 3 {
			out = append(out, strings.TrimSpace(line[3:]))
		}
	}
	return out
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("... (%d more lines)", len(lines)-n))
	}
	return strings.Join(lines, "\n")
}

func oneLine(s string) string {
	return strings.ReplaceAll(firstLines(s, 3), "\n", " ")
}

func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(data))[:3], " ")
}

func check(err error) {
	if err != nil {
		fatalf("%v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "realworld: "+format+"\n", args...)
	os.Exit(1)
}
