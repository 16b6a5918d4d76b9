package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Preparing openfga: a writable copy out of the module cache, built once
// and warmed so that the timed runs read only the build cache.

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
	if _, err := os.Stat(filepath.Join(e.ofga, "go.mod")); err != nil {
		if err := copyOpenFGA(e); err != nil {
			return packages{}, err
		}
	}
	extra := []string{}
	if e.gocache != "" {
		extra = append(extra, "GOCACHE="+e.gocache)
	}
	fmt.Fprintln(os.Stderr, "   go mod download; go build ./... (the first time this compiles all of openfga)")
	if err := goCmd(e.ofga, extra, "mod", "download"); err != nil {
		return packages{}, err
	}
	if err := goCmd(e.ofga, extra, "build", "./..."); err != nil {
		return packages{}, err
	}
	p, err := countOpenFGA(e, extra)
	if err != nil {
		return p, err
	}
	return p, warmBuildCache(e, configs)
}

// copyOpenFGA puts a writable copy of openfga at e.ofga, out of the
// module cache.
func copyOpenFGA(e *env) error {
	const mod = "github.com/openfga/openfga"
	out, err := goOutput(e.cache, nil, "mod", "download", "-json", mod+"@"+*flagOpenFGA)
	if err != nil {
		return err
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(out), &info); err != nil {
		return fmt.Errorf("go mod download -json: %v", err)
	}
	if info.Error != "" || info.Dir == "" {
		return fmt.Errorf("go mod download %s@%s: %s", mod, *flagOpenFGA, info.Error)
	}
	tmp := e.ofga + ".tmp"
	os.RemoveAll(tmp)
	fmt.Fprintf(os.Stderr, "   copying %s to %s\n", info.Dir, e.ofga)
	if err := copyTree(info.Dir, tmp); err != nil {
		return err
	}
	return os.Rename(tmp, e.ofga)
}

// countOpenFGA returns openfga's package counts and the go command's
// version and GOFLAGS there; extra is the go command's extra environment.
func countOpenFGA(e *env, extra []string) (packages, error) {
	var p packages
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
	return p, nil
}

// warmBuildCache warms what the timed runs read from the build cache:
// the export data that a standalone checker loads through "go list
// -export", and the compiled test variants that go vet needs. The no-op
// binary is used bare (it answers -V=full itself); nothing here is timed.
func warmBuildCache(e *env, configs []config) error {
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
		return fmt.Errorf("warm-up go vet -vettool=%s ./...: %v\n%s", noop, err, firstLines(out, 20))
	}
	return nil
}

// pristine is the untouched copy of openfga that restoreOpenFGA puts back
// after a row that writes (gen, -fix).
func (e *env) pristine() string { return e.ofga + ".pristine" }

// savePristine keeps a copy of the prepared openfga for the rows that
// write.
func savePristine(e *env) error {
	os.RemoveAll(e.pristine())
	return copyTree(e.ofga, e.pristine())
}

// restoreOpenFGA replaces openfga by the pristine copy: at the same path,
// with the same contents, so that the build cache still holds everything
// the next run reads.
func restoreOpenFGA(e *env) error {
	if err := os.RemoveAll(e.ofga); err != nil {
		return err
	}
	return copyTree(e.pristine(), e.ofga)
}
