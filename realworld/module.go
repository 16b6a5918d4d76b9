package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// The steps run on one module.

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
