package main

import (
	"errors"
	"strings"
)

// A before is what the unfixed copy of a module gives: the rows of one
// module share it within a run.
type before struct {
	packages        int
	vetOut, testOut string
	vet             []string
	test            map[string]string // package -> ok or FAIL
}

// baseline builds, lists, vets and optionally tests the unfixed copy, once
// per copy and run: the rows of one module share it (a row that runs go
// test measures it again if an earlier row did not).
func (rn *runner) baseline(m module, orig string, gotest bool) (*before, error) {
	if b := rn.baselines[m.dir()]; b != nil && (!gotest || b.test != nil) {
		return b, nil
	}
	b, err := measureBaseline(rn.sh, m, orig, gotest)
	if err != nil {
		return nil, err
	}
	rn.baselines[m.dir()] = b
	return b, nil
}

func measureBaseline(sh *shell, m module, orig string, gotest bool) (*before, error) {
	b := &before{}
	step("%s: go build ./...", m.Label)
	if r := sh.run(orig, "go", "build", "./..."); r.exit != 0 {
		return nil, errors.New("go build ./... before the fix:\n" + r.combined())
	}
	r := sh.run(orig, "go", "list", "./...")
	if r.exit != 0 {
		return nil, errors.New("go list ./...:\n" + r.combined())
	}
	b.packages = len(strings.Fields(string(r.stdout)))
	step("%s: go vet ./... (before the fix)", m.Label)
	b.vetOut = sh.run(orig, "go", "vet", "./...").combined()
	b.vet = vetLines(b.vetOut, orig)
	if gotest {
		step("%s: go test ./... (before the fix)", m.Label)
		b.testOut = sh.run(orig, "go", "test", "./...").combined()
		b.test = testResults(b.testOut)
		for pkg, st := range b.test {
			if st != "FAIL" {
				continue
			}
			for range 2 { // a flaky package would otherwise go unchecked
				step("%s: go test -count=1 %s (again: it failed before the fix)", m.Label, pkg)
				if sh.run(orig, "go", "test", "-count=1", pkg).exit == 0 {
					b.test[pkg] = "ok"
					break
				}
			}
		}
	}
	return b, nil
}
