package main_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// fakeGo writes, into a new directory to put first on PATH, a "go" that
// runs the real one for everything but the go list that compiles the
// packages for their types (go list -export), which does what do says:
// "hang" starts a child that ignores SIGINT and SIGTERM, as a compiler
// busy with a large package may seem to, writes both process IDs into
// pids and then waits as long as a large package takes; "kill" kills
// itself, as the out-of-memory killer would.
func fakeGo(t *testing.T, do, pids string) string {
	t.Helper()
	real, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	var act string
	switch do {
	case "hang":
		act = fmt.Sprintf(`trap "" INT TERM; sleep 120 & echo $! >> %q; echo $$ >> %q; exec sleep 120`, pids, pids)
	case "kill":
		act = `kill -9 $$`
	}
	script := fmt.Sprintf("#!/bin/sh\ncase \"$1:$*\" in\nlist:*-export=true*) %s ;;\nesac\nexec %q \"$@\"\n", act, real)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// An interrupt (^C, or SIGTERM from a supervisor) while the packages load
// ends the run within a second, with the go command it started and what
// that started, changes nothing, and says so on one line with exit status
// 130; standalone, with -fix, and in gen.
func TestInterruptDuringLoading(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the go command's children are found in /proc")
	}
	t.Parallel()
	dir := sharedFixmod(t)
	before := snapshot(t, dir)
	for _, c := range []struct {
		sig  syscall.Signal
		args []string
		want string
	}{
		{syscall.SIGINT, []string{"./svc"}, "spanattrlint: interrupted; nothing changed\n"},
		{syscall.SIGTERM, []string{"-fix", "./svc"}, "spanattrlint: interrupted; nothing changed\n"},
		{syscall.SIGINT, []string{"gen", "-into=./telemetry", "./svc"}, "spanattrlint gen: interrupted; nothing changed\n"},
	} {
		pids := filepath.Join(t.TempDir(), "pids")
		cmd := exec.Command(bin, c.args...)
		cmd.Dir = dir
		cmd.Env = append(testsupport.OfflineEnv(), "PATH="+fakeGo(t, "hang", pids)+string(os.PathListSeparator)+os.Getenv("PATH"))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var started []int
		for deadline := time.Now().Add(60 * time.Second); len(started) < 2 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			data, _ := os.ReadFile(pids)
			started = nil
			for _, f := range strings.Fields(string(data)) {
				if p, err := strconv.Atoi(f); err == nil {
					started = append(started, p)
				}
			}
		}
		if len(started) < 2 {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("%v: the go list never started; stderr:\n%s", c.args, stderr.String())
		}
		sent := time.Now()
		cmd.Process.Signal(c.sig)
		err := cmd.Wait()
		took := time.Since(sent)
		code := -1
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		}
		if code != 130 || stdout.String() != "" || stderr.String() != c.want {
			t.Errorf("%v, %v: exit %d, want 130; stdout %q; stderr:\n%s\nwant:\n%s", c.args, c.sig, code, stdout.String(), stderr.String(), c.want)
		}
		// Not a test of speed: the go list would have gone on for two
		// minutes; the one second is what the README promises.
		if took > 30*time.Second {
			t.Errorf("%v, %v: ended %v after the signal", c.args, c.sig, took)
		}
		for _, p := range started {
			if alive(p) {
				t.Errorf("%v, %v: process %d that the go command started is still running", c.args, c.sig, p)
				syscall.Kill(p, syscall.SIGKILL)
			}
		}
	}
	sameFiles(t, before, snapshot(t, dir))
}

// alive reports whether process p is running (not gone, not a zombie
// waiting for a parent that may never reap it).
func alive(p int) bool {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p))
	if err != nil {
		return false
	}
	i := bytes.LastIndexByte(data, ')')
	return i < 0 || !bytes.HasPrefix(bytes.TrimSpace(data[i+1:]), []byte("Z"))
}

// A go list that is killed (the out-of-memory killer, a ulimit) is said to
// have ended so, not read as patterns that match no package.
func TestKilledGoListIsSaid(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a shell script as the go command")
	}
	t.Parallel()
	dir := sharedFixmod(t)
	before := snapshot(t, dir)
	path := "PATH=" + fakeGo(t, "kill", "") + string(os.PathListSeparator) + os.Getenv("PATH")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"./svc"}, "spanattrlint: go list -export (which compiles the packages for their types) ended without listing any of ./svc: the go command was killed (out of memory?) or failed without saying why\n"},
		{[]string{"gen", "-into=./telemetry", "./svc"}, "spanattrlint gen: go list -export (which compiles the packages for their types) ended without listing any of ./svc: the go command was killed (out of memory?) or failed without saying why\n"},
	} {
		stdout, stderr, code := runEnv(t, dir, []string{path}, bin, c.args...)
		if code != 1 || stdout != "" || stderr != c.want {
			t.Errorf("%v: exit %d, want 1; stdout %q; stderr:\n%s\nwant:\n%s", c.args, code, stdout, stderr, c.want)
		}
	}
	sameFiles(t, before, snapshot(t, dir))
}

// runEnv is run with more environment.
func runEnv(t *testing.T, dir string, env []string, name string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(testsupport.OfflineEnv(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), code
}
