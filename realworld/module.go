package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// A runner holds what the steps of every module share within one run.
type runner struct {
	sh        *shell
	cache     string   // the scratch directory
	bin       string   // the spanattrlint binary
	lintFlags []string // flags of every spanattrlint run (-span-names, -test=false)
	fresh     bool     // -fresh: copy each module out of the module cache again, once

	freshened map[string]bool    // copies (module.dir()) -fresh has renewed in this run
	baselines map[string]*before // by copy: the rows of one module share it
}

func newRunner(sh *shell, cache, bin string, lintFlags []string, fresh bool) *runner {
	return &runner{sh: sh, cache: cache, bin: bin, lintFlags: lintFlags, fresh: fresh,
		freshened: map[string]bool{}, baselines: map[string]*before{}}
}

// lintFlags are the spanattrlint flags the command-line flags ask for.
func lintFlags(spanNames, test bool) []string {
	var flags []string
	if spanNames {
		flags = append(flags, "-span-names")
	}
	if !test {
		flags = append(flags, "-test=false")
	}
	return flags
}

// commonFlags are the spanattrlint flags of every run on m.
func (rn *runner) commonFlags(m module) []string {
	return append(slices.Clone(rn.lintFlags), m.Flags...)
}

// An outDir is SCRATCH/results/LABEL, where a module's files are kept.
type outDir string

func (o outDir) save(name, data string) {
	check(os.WriteFile(filepath.Join(string(o), name), []byte(data), 0o644))
}

// doModule runs every step on one module; a failing step ends it.
func (rn *runner) doModule(m module, gotest bool) *result {
	start := time.Now()
	res := &result{Module: m, Counts: map[string]int{}}
	defer func() { res.Elapsed = time.Since(start).Seconds() }()
	out := outDir(filepath.Join(rn.cache, "results", m.Label))
	check(os.RemoveAll(string(out)))
	check(os.MkdirAll(string(out), 0o755))
	if err := rn.steps(m, gotest, out, res); err != nil {
		res.Failed = err.Error()
		fmt.Fprintf(os.Stderr, "    FAILED: %s\n", res.Failed)
	}
	return res
}

// steps are the steps of doModule, in order.
func (rn *runner) steps(m module, gotest bool, out outDir, res *result) error {
	// 1. Download, copy, build and vet the original.
	orig, err := rn.source(m)
	if err != nil {
		return err
	}
	base, err := rn.baseline(m, orig, gotest)
	if err != nil {
		return err
	}
	out.save("vet-before.txt", base.vetOut)
	if gotest {
		out.save("test-before.txt", base.testOut)
	}
	res.Packages = base.packages
	res.VetBefore = len(base.vet)
	res.TestRan = gotest

	// 2. Lint the original.
	if err := rn.lint(m, orig, out, res); err != nil {
		return err
	}

	// 3. Fix a fresh copy and check it.
	fixed := rn.fix(m, orig, out, res)
	rn.checkBuild(m, fixed, res)
	rn.checkVet(m, fixed, base.vet, out, res)
	rn.checkGofmt(fixed, res)
	if gotest {
		rn.checkTests(m, fixed, base.test, out, res)
	}
	rn.lintAgain(m, fixed, out, res)
	return nil
}

// source downloads m through the module proxy and returns its writable
// copy, SCRATCH/src/DIR, which is made once (with -fresh, once per run).
func (rn *runner) source(m module) (string, error) {
	step("%s: download %s", m.Label, m)
	r := rn.sh.run(os.TempDir(), "go", "mod", "download", "-json", m.String())
	var dl struct{ Dir, Error string }
	if err := json.Unmarshal(r.stdout, &dl); err != nil || dl.Error != "" || dl.Dir == "" || r.exit != 0 {
		return "", fmt.Errorf("go mod download %s: %s%s", m, dl.Error, r.stderr)
	}
	orig := filepath.Join(rn.cache, "src", m.dir())
	stamp := filepath.Join(rn.cache, "src", "."+m.dir()+".ok")
	if _, err := os.Stat(stamp); err != nil || (rn.fresh && !rn.freshened[m.dir()]) {
		rn.freshened[m.dir()] = true
		step("%s: copy %s to %s", m.Label, dl.Dir, orig)
		os.Remove(stamp)
		check(os.RemoveAll(orig))
		check(copyTree(dl.Dir, orig))
		if r := rn.sh.run(orig, "go", "mod", "download"); r.exit != 0 {
			return "", fmt.Errorf("go mod download in %s:\n%s", orig, r.combined())
		}
		check(os.WriteFile(stamp, nil, 0o644))
	}
	return orig, nil
}

// jsonArgs are the flags of the -json runs on m.
func (rn *runner) jsonArgs(m module) []string {
	return append([]string{"-json"}, rn.commonFlags(m)...)
}

// lint runs spanattrlint -json on the unfixed copy, timed, and counts its
// findings.
func (rn *runner) lint(m module, orig string, out outDir, res *result) error {
	args := rn.jsonArgs(m)
	step("%s: spanattrlint %s ./... (%d packages)", m.Label, strings.Join(args, " "), res.Packages)
	lint := rn.sh.run(orig, rn.bin, append(args, "./...")...)
	res.Lint = runStats{lint.exit, lint.wall.Seconds(), lint.cpu.Seconds(), float64(lint.maxrss) / 1024}
	out.save("lint.json", string(lint.stdout))
	out.save("lint-stderr.txt", string(lint.stderr))
	if crash := crashOf(lint); crash != "" {
		res.Crash = crash
		return fmt.Errorf("spanattrlint -json: %s", crash)
	}
	diags, errs, err := parseJSON(lint.stdout)
	if err != nil {
		return fmt.Errorf("spanattrlint -json output: %v", err)
	}
	res.Errors = errs
	uniq, disagree := dedup(diags)
	for _, d := range disagree {
		res.Disagree = append(res.Disagree, strings.ReplaceAll(d, orig+string(filepath.Separator), ""))
	}
	res.count(uniq)
	out.save("findings.txt", listing(uniq, orig))
	return nil
}

// fix runs spanattrlint -fix on a fresh copy of orig, SCRATCH/fixed/DIR
// (LABEL@VERSION for a row with flags of its own), keeps the diff, and
// returns the copy.
func (rn *runner) fix(m module, orig string, out outDir, res *result) string {
	fixed := filepath.Join(rn.cache, "fixed", m.Label+"@"+m.Version)
	if len(m.Flags) == 0 {
		fixed = filepath.Join(rn.cache, "fixed", m.dir())
	}
	check(os.RemoveAll(fixed))
	check(copyTree(orig, fixed))
	fixArgs := append([]string{"-fix"}, rn.commonFlags(m)...)
	step("%s: spanattrlint %s ./...", m.Label, strings.Join(fixArgs, " "))
	fix := rn.sh.run(fixed, rn.bin, append(fixArgs, "./...")...)
	res.FixRan = true
	res.FixExit = fix.exit
	res.FixStderr = string(fix.stderr)
	out.save("fix-output.txt", fix.combined())
	if crash := crashOf(fix); crash != "" && fix.exit != 3 {
		res.Crash = "-fix: " + crash
	}
	res.Changed = changedFiles(orig, fixed)
	d := rn.sh.run(filepath.Dir(filepath.Dir(fixed)), "diff", "-ru", filepath.Join("src", m.dir()), filepath.Join("fixed", filepath.Base(fixed)))
	out.save("fix.diff", string(d.stdout))
	res.DiffLines = diffLines(string(d.stdout))
	return fixed
}
