package main_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// packageLists runs the command in dir with a "go" on PATH that logs
// each go list it is asked for, and returns its standard output and the
// lists of packages it made (go/packages also asks for release tags and
// sizes: those are left out).
func packageLists(t *testing.T, dir string, args ...string) (string, []string) {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("a shell script as the go command")
	}
	real, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	logf := filepath.Join(t.TempDir(), "go.log")
	fake := t.TempDir()
	script := fmt.Sprintf("#!/bin/sh\n[ \"$1\" = list ] && echo \"$*\" >> %q\nexec %q \"$@\"\n", logf, real)
	if err := os.WriteFile(filepath.Join(fake, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	path := "PATH=" + fake + string(os.PathListSeparator) + os.Getenv("PATH")
	stdout, stderr, code := runEnv(t, dir, []string{path}, bin, args...)
	if code != 0 && code != 3 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	data, _ := os.ReadFile(logf)
	var lists []string
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.Contains(l, " -json=") {
			lists = append(lists, l)
		}
	}
	return stdout, lists
}

// With internal/load (-debug=E; by default for a package of 512 KiB of Go
// files or more) the packages analysed are type-checked from source, so
// the go command is asked for the export data of their dependencies only:
// it does not compile the packages themselves (on a large package that
// compile was nearly all of the run; bench/bigpkg.sh). The findings are
// those of go/packages' own load (-debug=e), test variants included.
func TestLoadDoesNotCompileTheAnalysedPackages(t *testing.T) {
	t.Parallel()
	dir := sharedTestdata(t)
	stdout, lists := packageLists(t, dir, "-json", "-debug=E", "./...")
	if len(lists) != 2 {
		t.Errorf("-debug=E ran go list %d times, want 2 (the packages, then their dependencies' export data)", len(lists))
	}
	roots, _, _ := run(t, dir, "go", "list", "./...")
	for _, l := range lists {
		if !strings.Contains(l, "-export=true") {
			continue
		}
		if strings.Contains(l, "./...") {
			t.Errorf("the go command compiled the analysed packages for export data: go %s", l)
		}
		for _, r := range strings.Fields(roots) {
			if strings.Contains(" "+l+" ", " "+r+" ") {
				t.Errorf("the go command compiled %s, an analysed package, for export data", r)
			}
		}
	}
	old, _, _ := run(t, dir, bin, "-json", "-debug=e", "./...")
	if stdout != old || !strings.Contains(stdout, "suggested_fixes") {
		t.Errorf("findings differ from go/packages' load (-debug=e):\n%s\nwant:\n%s", stdout, old)
	}
}

// A module without a large package is loaded as go/packages loads it,
// with one go list: a second one would cost more (0.9 CPU seconds on
// openfga) than the compile of its packages, which the build cache makes
// free after the first run.
func TestSmallPackagesLoadWithOneGoList(t *testing.T) {
	t.Parallel()
	_, lines := packageLists(t, sharedTestdata(t), "-json", "./...")
	if len(lines) != 1 || !strings.Contains(lines[0], "-export=true") || !strings.Contains(lines[0], "./...") {
		t.Errorf("go list ran %d times, want once, with -export for ./...:\n%s", len(lines), strings.Join(lines, "\n"))
	}
}
