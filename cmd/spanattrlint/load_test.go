package main_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
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
	// The packages, then their dependencies' export data; then, for the
	// one package that uses cgo, its compiled files (cgo's output).
	if len(lists) != 3 || !strings.Contains(lists[2], "-compiled=true") || !strings.HasSuffix(lists[2], "/cgo") {
		t.Errorf("-debug=E ran go list %d times, want 3 (the packages, their dependencies' export data, the cgo package's compiled files):\n%s",
			len(lists), strings.Join(lists, "\n"))
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

// internal/load asks for the export data of the packages that the
// analysed ones import directly, not of everything below them: the
// importer reads no other, and a long list of paths is split by
// go/packages into several go commands, each loading the module graph
// again (on temporal, 1,511 paths were four go lists and 4.4 seconds;
// its 267 direct imports are one).
func TestLoadListsDirectImportsOnly(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	testsupport.WriteFiles(t, dir, map[string]string{
		"go.mod":  "module example.com/direct\n\ngo 1.22\n",
		"a/a.go":  "package a\n\nimport \"net/http\"\n\nvar C = http.DefaultClient\n",
		"b/b.go":  "package b\n\nimport \"example.com/direct/c\"\n\nvar D = c.E\n",
		"c/c.go":  "package c\n\nimport \"strings\"\n\nvar E = strings.ToUpper(\"e\")\n",
		"main.go": "package main\n\nimport (\n\t\"example.com/direct/a\"\n\t\"example.com/direct/b\"\n)\n\nfunc main() { _, _ = a.C, b.D }\n",
	})
	_, lists := packageLists(t, dir, "-debug=E", ".")
	var export string
	for _, l := range lists {
		if strings.Contains(l, "-export=true") {
			export = " " + l + " "
		}
	}
	for _, want := range []string{" example.com/direct/a ", " example.com/direct/b "} {
		if !strings.Contains(export, want) {
			t.Errorf("the export list lacks %s, a direct import: go %s", want, export)
		}
	}
	for _, deep := range []string{" example.com/direct/c ", " net/http ", " strings "} {
		if strings.Contains(export, deep) {
			t.Errorf("the export list names %s, which the analysed package does not import: go %s", deep, export)
		}
	}
}

// A package that another's external test imports and that imports it
// back is compiled again for that test ("b [a.test]"), against the
// variant of a that has a's internal test files: no
// export data of the go command's holds it, so internal/load checks it
// from source with the analysed packages, rather than handing the whole
// load to go/packages (which compiles every package, the large one too).
// The findings are go/packages' (-debug=e).
func TestLoadChecksTestVariantsFromSource(t *testing.T) {
	t.Parallel()
	dir := testsupport.Copy(t, filepath.Join(root, "testdata", "src"), "go.mod", "go.sum")
	testsupport.WriteFiles(t, dir, map[string]string{
		"a/a.go":        "package a\n\nimport \"go.opentelemetry.io/otel/attribute\"\n\nconst Key = \"app.a\"\n\nfunc KV(v string) attribute.KeyValue { return attribute.String(\"app.a\", v) }\n",
		"a/a_test.go":   "package a\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) { _ = KV(\"x\") }\n",
		"a/a_x_test.go": "package a_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/app/b\"\n)\n\nfunc TestB(t *testing.T) { _ = b.KV(\"x\") }\n",
		"b/b.go":        "package b\n\nimport (\n\t\"go.opentelemetry.io/otel/attribute\"\n\n\t\"example.com/app/a\"\n)\n\nfunc KV(v string) []attribute.KeyValue { return []attribute.KeyValue{a.KV(v), attribute.String(\"app.b\", v)} }\n",
	})
	stdout, lists := packageLists(t, dir, "-json", "-debug=E", "./a")
	if len(lists) != 2 || strings.Contains(lists[1], "./a") {
		t.Errorf("-debug=E ran go list %d times, want 2 (the packages, their dependencies' export data): did the load fall back?\n%s", len(lists), strings.Join(lists, "\n"))
	}
	old, _, _ := run(t, dir, bin, "-json", "-debug=e", "./a")
	if stdout != old || !strings.Contains(stdout, `hard-coded attribute key \"app.a\"`) {
		t.Errorf("findings differ from go/packages' load (-debug=e):\n%s\nwant:\n%s", stdout, old)
	}
}
