package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

// Running commands.

type cmdResult struct {
	stdout, stderr []byte
	exit           int
	wall, cpu      time.Duration
	maxrss         int64 // KiB: the largest peak of the process and its reaped descendants
}

func (r cmdResult) combined() string { return string(r.stdout) + string(r.stderr) }

// A shell runs commands: in the environment every command of a run gets,
// logging each, with its exit status, time and standard error, to log, and
// with verbose each as it starts to standard error.
type shell struct {
	env     []string
	log     io.Writer
	verbose bool
}

// goEnv is the environment of every command: the user's, without a go.work
// or a toolchain switch, and with -buildvcs=false.
func goEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -buildvcs=false"))
}

func (sh *shell) run(dir, name string, args ...string) cmdResult {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = slices.Clone(sh.env)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if sh.verbose {
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
	fmt.Fprintf(sh.log, "$ (cd %s && %s %s)  # exit %d, %.1fs\n%s\n", dir, name, strings.Join(args, " "), res.exit, res.wall.Seconds(), firstLines(string(res.stderr), 40))
	return res
}

func (sh *shell) mustOutput(dir, name string, args ...string) string {
	r := sh.run(dir, name, args...)
	if r.exit != 0 {
		fatalf("%s %s: %s", name, strings.Join(args, " "), r.combined())
	}
	return string(r.stdout)
}
