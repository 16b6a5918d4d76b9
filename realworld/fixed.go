package main

import (
	"sort"
	"strings"
)

// The checks of the fixed copy: it builds, vets as before, is gofmt-clean,
// passes the tests that passed before, and leaves no fixable finding.

func (rn *runner) checkBuild(m module, fixed string, res *result) {
	step("%s: go build ./... (after the fix; %d files changed)", m.Label, len(res.Changed))
	b := rn.sh.run(fixed, "go", "build", "./...")
	res.BuildOK = b.exit == 0
	res.BuildOut = b.combined()
}

// checkVet compares go vet's lines after the fix with before, those of
// the unfixed copy.
func (rn *runner) checkVet(m module, fixed string, before []string, out outDir, res *result) {
	step("%s: go vet ./... (after the fix)", m.Label)
	vetAfter := rn.sh.run(fixed, "go", "vet", "./...")
	out.save("vet-after.txt", vetAfter.combined())
	after := vetLines(vetAfter.combined(), fixed)
	res.VetNew = multisetMinus(after, before)
	res.VetGone = multisetMinus(before, after)
}

func (rn *runner) checkGofmt(fixed string, res *result) {
	if len(res.Changed) == 0 {
		return
	}
	g := rn.sh.run(fixed, "gofmt", append([]string{"-l"}, res.Changed...)...)
	res.Gofmt = strings.Fields(string(g.stdout))
	if g.exit != 0 {
		res.Gofmt = append(res.Gofmt, "gofmt failed: "+g.combined())
	}
}

// checkTests runs go test on the fixed copy: a package that passed before
// (testBefore) and fails now is broken, unless it passes on one of two
// reruns.
func (rn *runner) checkTests(m module, fixed string, testBefore map[string]string, out outDir, res *result) {
	step("%s: go test ./... (after the fix)", m.Label)
	t := rn.sh.run(fixed, "go", "test", "./...")
	out.save("test-after.txt", t.combined())
	for pkg, st := range testResults(t.combined()) {
		if testBefore[pkg] != "ok" || st == "ok" {
			continue
		}
		// Real tests can be flaky on a loaded machine: a package
		// is broken only if it fails twice more.
		broken := true
		for range 2 {
			step("%s: go test -count=1 %s (again: it failed after the fix)", m.Label, pkg)
			if rn.sh.run(fixed, "go", "test", "-count=1", pkg).exit == 0 {
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

// lintAgain runs spanattrlint -json on the fixed copy and counts what is
// left.
func (rn *runner) lintAgain(m module, fixed string, out outDir, res *result) {
	args := rn.jsonArgs(m)
	step("%s: spanattrlint %s ./... (after the fix)", m.Label, strings.Join(args, " "))
	again := rn.sh.run(fixed, rn.bin, append(args, "./...")...)
	out.save("lint-after.json", string(again.stdout))
	if crash := crashOf(again); crash != "" {
		res.Crash = "after the fix: " + crash
	}
	diags, _, err := parseJSON(again.stdout)
	if err != nil {
		res.Crash = "after the fix: -json output: " + err.Error()
		return
	}
	left, _ := dedup(diags)
	out.save("findings-after.txt", listing(left, fixed))
	for _, d := range left {
		if len(d.Fixes) > 0 {
			res.LeftFixable++
		} else {
			res.LeftOther++
		}
	}
}
