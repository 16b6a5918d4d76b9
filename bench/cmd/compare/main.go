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
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

const modPath = "github.com/spanattrlint/spanattrlint"

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

	if slices.ContainsFunc(configs, func(c config) bool { return c.Writes }) {
		if err := savePristine(&e); err != nil {
			return err
		}
	}
	cells := makeCells(configs, modes)
	step(fmt.Sprintf("timing %d configurations: %d warm-up round(s), then %d timed round(s), each in the order %s",
		len(cells), *flagWarmup, *flagN, cellOrder(cells)))
	runRounds(&e, cells)

	var out bytes.Buffer
	report(&out, &e, cells, versions, pkgInfo)
	os.Stdout.Write(out.Bytes())
	return saveResults(&e, cells, versions, pkgInfo, out.Bytes())
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
