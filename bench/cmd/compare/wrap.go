package main

// The vet-tool wrapper. Under "go vet -vettool=X" the go command starts X
// once per package (about 1,400 times for openfga: its 90 packages plus
// every dependency, the latter only to compute facts), and the wait4
// rusage of the go command is the maximum over that whole process tree,
// the go command itself included. To see what the analysis tool costs on
// its own, the driver passes itself as the vet tool with these variables
// set; in that role it runs the real tool, appends the tool's own rusage to
// a log, and exits with the tool's status.
//
// It also answers "-V=full" itself, with a build ID that includes a
// per-run nonce: the go command caches vet results by that ID (Go 1.26
// caches the facts and the output of every package), so without the nonce
// every run after the first would replay the cache instead of analysing.
// The wrapper's cost (one extra small process per package) is the same for
// every tool, so it is part of the no-op baseline.

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
)

const (
	envWrapTool  = "SPANATTRLINT_BENCH_VETTOOL"     // the real vet tool
	envWrapLog   = "SPANATTRLINT_BENCH_VETTOOL_LOG" // where to append rusage lines
	envWrapNonce = "SPANATTRLINT_BENCH_VETTOOL_NONCE"
)

// vetWrapMain runs the wrapper if the environment asks for it; it does not
// return in that case.
func vetWrapMain() {
	tool := os.Getenv(envWrapTool)
	if tool == "" {
		return
	}
	args := os.Args[1:]
	if len(args) == 1 && args[0] == "-V=full" {
		id, err := wrapBuildID(tool, os.Getenv(envWrapNonce))
		if err != nil {
			fmt.Fprintln(os.Stderr, "vet-tool wrapper:", err)
			os.Exit(2)
		}
		// The shape the go command requires of a tool without a release
		// version: NAME version devel ... buildID=ID.
		fmt.Printf("%s version devel spanattrlint-bench-wrapper buildID=%s\n", filepath.Base(tool), id)
		os.Exit(0)
	}

	cmd := exec.Command(tool, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			fmt.Fprintln(os.Stderr, "vet-tool wrapper:", err)
			os.Exit(2)
		}
		code = ee.ExitCode()
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			code = 128 + int(ws.Signal())
		}
	}
	kind := "other"
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		kind = "cfg" // one package
	} else if len(args) == 1 && args[0] == "-flags" {
		kind = "flags"
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		if log := os.Getenv(envWrapLog); log != "" {
			line := fmt.Sprintf("%s %d %d %d %d\n", kind, ru.Maxrss,
				ru.Utime.Sec*1e6+int64(ru.Utime.Usec), ru.Stime.Sec*1e6+int64(ru.Stime.Usec), code)
			// One short O_APPEND write per process: lines from the
			// concurrent wrappers do not interleave.
			if f, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644); err == nil {
				f.WriteString(line)
				f.Close()
			}
		}
	}
	os.Exit(code)
}

// wrapBuildID hashes the tool's executable and the nonce.
func wrapBuildID(tool, nonce string) (string, error) {
	f, err := os.Open(tool)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	fmt.Fprintf(h, "\nnonce %s\n", nonce)
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}
