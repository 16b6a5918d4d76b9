package main_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Two gen runs on one module at once: the one whose files another wrote
// while it ran says so, and leaves the other's result as it is. The other
// run is made to happen between this one's go list and its reading of the
// constants file, by a "go" on PATH that runs it, to the end, after the go
// list that compiles the packages and before it returns that list: this
// run then plans from a module that is no longer on disk.
func TestGenSaysAnotherRunChangedItsFile(t *testing.T) {
	t.Parallel()
	dir := copyExample(t)
	real, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	marker := filepath.Join(t.TempDir(), "other-ran")
	fake := t.TempDir()
	script := fmt.Sprintf(`#!/bin/sh
case "$1:$*" in
list:*-export=true*)
  if [ ! -e %[1]q ]; then
    : > %[1]q
    %[4]q "$@" >%[1]q.stdout 2>%[1]q.stderr
    rc=$?
    (cd %[2]q && %[3]q gen -into=./journey/telemetry ./... >%[1]q.out 2>&1) || echo "other run failed" >> %[1]q.out
    cat %[1]q.stdout
    cat %[1]q.stderr >&2
    exit $rc
  fi ;;
esac
exec %[4]q "$@"
`, marker, dir, bin, real)
	if err := os.WriteFile(filepath.Join(fake, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runEnv(t, dir, []string{"PATH=" + fake + string(os.PathListSeparator) + os.Getenv("PATH")},
		bin, "gen", "-into=./journey/telemetry", "./...")
	other, _ := os.ReadFile(marker + ".out")
	if !strings.Contains(string(other), "wrote journey/telemetry/spanattrlint_gen.go") {
		t.Fatalf("the other run did not write the constants:\n%s", other)
	}
	want := "spanattrlint gen: journey/telemetry/spanattrlint_gen.go changed while spanattrlint gen ran (another gen on this module, or an editor?): nothing of this run was left; run gen again\n"
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("exit %d, want 1; stdout %q; stderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
	// The other run's result stands, and builds.
	if _, stderr, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Errorf("go build after both runs: exit %d\n%s", code, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "journey", "telemetry", "spanattrlint_gen.go")); strings.Count(string(got), "EngineBatchSizeKey =") != 1 {
		t.Errorf("the constants file after both runs:\n%s", got)
	}
}
