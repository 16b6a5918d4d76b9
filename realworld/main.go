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
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

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
