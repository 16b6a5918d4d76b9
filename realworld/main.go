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
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
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
	cache := *flagCache
	if cache == "" {
		cache = filepath.Join(repo, ".cache", "realworld")
	}
	cache, err = filepath.Abs(cache)
	check(err)
	check(os.MkdirAll(filepath.Join(cache, "results"), 0o755))

	mods, err := parseModules(*flagModules, *flagOnly)
	check(err)
	gotest := map[string]bool{}
	for _, l := range splitList(*flagGoTest) {
		gotest[l] = true
	}

	logf, err := os.Create(filepath.Join(cache, "results", "commands.log"))
	check(err)
	defer logf.Close()
	sh := &shell{env: goEnv(), log: logf, verbose: *flagVerbose}

	h := header{start: start, lintFlags: lintFlags(*flagSpanNames, *flagTest)}
	h.goVersion = strings.TrimSpace(sh.mustOutput(repo, "go", "version"))
	bin := filepath.Join(cache, "bin", "spanattrlint")
	h.commit = buildLinter(sh, repo, cache, *flagRev, bin)

	rn := newRunner(sh, cache, bin, h.lintFlags, *flagFresh)
	var results []*result
	for _, m := range mods {
		res := rn.doModule(m, gotest[m.Label])
		results = append(results, res)
		data, _ := json.MarshalIndent(res, "", "\t")
		check(os.WriteFile(filepath.Join(cache, "results", m.Label, "result.json"), append(data, '\n'), 0o644))
	}

	var buf bytes.Buffer
	writeReport(&buf, h, results)
	os.Stdout.Write(buf.Bytes())
	report := filepath.Join(cache, "results", "report.md")
	check(os.WriteFile(report, buf.Bytes(), 0o644))
	fmt.Fprintf(os.Stderr, "\nreport: %s\nfindings, diffs and logs: %s/results/LABEL/\n", report, cache)

	for _, r := range results {
		if !r.passed() {
			os.Exit(1)
		}
	}
}
