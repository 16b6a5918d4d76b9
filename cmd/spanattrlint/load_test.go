package main_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The packages analysed are type-checked from source, so the go command
// is asked for the export data of their dependencies only: it does not
// compile the packages themselves (on a large package that compile was
// nearly all of the run; bench/bigpkg.sh). The findings are those of
// go/packages' own load (-debug=e), test variants included.
func TestLoadDoesNotCompileTheAnalysedPackages(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("a shell script as the go command")
	}
	t.Parallel()
	dir := sharedTestdata(t)
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
	stdout, stderr, code := runEnv(t, dir, []string{path}, bin, "-json", "./...")
	if code != 0 && code != 3 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	data, _ := os.ReadFile(logf)
	roots, _, _ := run(t, dir, "go", "list", "./...")
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
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
