package gen

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// The tests run gen on copies of testdata/gen, a module that uses the real
// go.opentelemetry.io/otel from the module cache, offline.

var update = flag.Bool("update", false, "rewrite the golden files")

var testdata = filepath.Join("..", "testdata", "gen")

var offlineEnv = testsupport.OfflineEnv()

// copyModule copies testdata/gen into a temporary directory.
func copyModule(t *testing.T) string {
	t.Helper()
	return testsupport.Copy(t, testdata)
}

// gen runs the subcommand as the command does, in dir, offline. It leaves
// the process's environment alone, so that tests can run in parallel.
func gen(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return genLogged(t, dir, nil, args...)
}

// genLogged is gen with the run's Log (what -v prints) written to log.
func genLogged(t *testing.T, dir string, log io.Writer, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = main(args, Options{Dir: dir, Env: offlineEnv, Stdout: &out, Log: log}, &errb)
	return out.String(), errb.String(), code
}

// goCmd runs the go command in dir, offline.
func goCmd(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = offlineEnv
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// snapshot is testsupport's.
var snapshot = testsupport.Snapshot

// sameSnapshot returns the first path that differs between two snapshots.
func sameSnapshot(a, b map[string]string) (string, bool) {
	if c := testsupport.Changed(a, b); len(c) > 0 {
		return c[0], false
	}
	return "", true
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(testdata, "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (go test ./gen -update rewrites it):\n%s", name, path, got)
	}
}

// fixable returns the findings that spanattrlint, run with no
// configuration as users run it, would still fix.
func fixable(t *testing.T, dir string) []string {
	t.Helper()
	o := &Options{Dir: dir, Patterns: []string{"./..."}, Tests: true, Env: offlineEnv}
	mod, err := findModule(dir, o.Env)
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := load(o, mod)
	if err != nil {
		t.Fatal(err)
	}
	results, err := analyse(o, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range results {
		for _, d := range r.diags {
			if len(d.SuggestedFixes) > 0 {
				out = append(out, r.pkg.Fset.Position(d.Pos).String()+": "+d.Message)
			}
		}
	}
	return out
}

// TestNewPackage creates internal/telemetry: the file matches the golden
// one, the collision is noted, the module builds, vets and its tests (which
// pin every emitted key and name) pass, nothing fixable is left, and a
// second run changes nothing.
func TestNewPackage(t *testing.T) {
	t.Parallel()
	dir := copyModule(t)
	stdout, stderr, code := gen(t, dir, "-into=./internal/telemetry", "./...")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		`note: name collision: QueueWaitMsKey also names "queue.wait.ms", so attribute key "queue.wait_ms" is QueueWaitMs2Key`,
		// Deprecated keys get no constant: the lint would report it.
		`note: left alone: 2 attribute keys that the semantic conventions deprecated (db.sql.table, ...)`,
		// Keys that only tests write get no constant (issue 19).
		`note: left alone: 2 attribute keys that only _test.go files write ("test.case", "test.suite")`,
		"wrote internal/telemetry/spanattrlint_gen.go: 9 new constants (6 attribute keys, 3 event names)",
		// 11 to the new constants, 3 to semconv v1.43.0's (http.route,
		// user.id, server.port), whose import the fix adds.
		"made 14 rewrites in 3 files",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	got, err := os.ReadFile(filepath.Join(dir, "internal", "telemetry", DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "telemetry.go.golden", got)
	if bytes.Contains(got, []byte("Code generated")) {
		t.Error("the file is marked as generated")
	}
	// "event.type" has a constant in package tracing, which engine uses:
	// api is pointed at it instead of a new constant.
	api, _ := os.ReadFile(filepath.Join(dir, "api", "api.go"))
	if !bytes.Contains(api, []byte("attribute.String(tracing.JourneyEventType, \"ARRIVED\")")) {
		t.Errorf("api.go does not use tracing.JourneyEventType:\n%s", api)
	}
	eng, _ := os.ReadFile(filepath.Join(dir, "engine", "engine.go"))
	if !bytes.Contains(eng, []byte(`attribute.Bool("engine.debug", true)) //nolint`)) {
		t.Error("the //nolint line was rewritten")
	}

	checkFixedModule(t, dir, []string{"build", "./..."}, []string{"vet", "./..."}, []string{"test", "-count=1", "./..."})
}

// checkFixedModule checks a module that gen -into=./internal/telemetry
// ./... has written and fixed: the go commands (goArgs) pass, the files
// are gofmt-clean, nothing fixable is left, and a second run changes
// nothing.
func checkFixedModule(t *testing.T, dir string, goArgs ...[]string) {
	t.Helper()
	for _, args := range goArgs {
		goCmd(t, dir, args...)
	}
	if out, _, _ := run(dir, "gofmt", "-l", "."); out != "" {
		t.Errorf("not gofmt-clean:\n%s", out)
	}
	if left := fixable(t, dir); len(left) > 0 {
		t.Errorf("fixable findings left:\n%s", strings.Join(left, "\n"))
	}
	before := snapshot(t, dir)
	stdout, stderr, code := gen(t, dir, "-into=./internal/telemetry", "./...")
	if code != 0 {
		t.Fatalf("second run: exit %d: %s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "0 new constants") || !strings.Contains(stdout, "made 0 rewrites") {
		t.Errorf("second run:\n%s", stdout)
	}
	if k, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Errorf("second run changed %s", k)
	}
}

// TestExistingPackage writes into a hand-written package: its file is
// left as it is, its constants are used and not written again, a name it
// declares is not reused, and -span-names adds span names.
func TestExistingPackage(t *testing.T) {
	t.Parallel()
	dir := copyModule(t)
	handWritten := filepath.Join(dir, "existing", "existing.go")
	orig, _ := os.ReadFile(handWritten)
	stdout, stderr, code := gen(t, dir, "-into=example.com/genapp/existing", "-span-names", "./...")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, `HTTPRequestIDKey is already declared in example.com/genapp/existing, so attribute key "http.request_id" is HTTPRequestID2Key`) {
		t.Errorf("no note on the name taken:\n%s", stdout)
	}
	got, err := os.ReadFile(filepath.Join(dir, "existing", DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "existing.go.golden", got)
	if now, _ := os.ReadFile(handWritten); !bytes.Equal(now, orig) {
		t.Error("the hand-written file changed")
	}
	eng, _ := os.ReadFile(filepath.Join(dir, "engine", "engine.go"))
	for _, want := range []string{"existing.JourneyQueued", "existing.UserIDKey.String", "existing.EngineRunSpan"} {
		if !bytes.Contains(eng, []byte(want)) {
			t.Errorf("engine.go does not use %s", want)
		}
	}
	goCmd(t, dir, "build", "./...")
	goCmd(t, dir, "vet", "./...")
	before := snapshot(t, dir)
	if stdout, _, code := gen(t, dir, "-into=./existing", "-span-names", "./..."); code != 0 || !strings.Contains(stdout, "0 new constants") {
		t.Errorf("second run: exit %d\n%s", code, stdout)
	}
	if k, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Errorf("second run changed %s", k)
	}
}

// TestAddsToItsFile: a later run appends new constants to the blocks of the
// file it wrote, leaving the rest of it (edits by hand included) alone.
func TestAddsToItsFile(t *testing.T) {
	t.Parallel()
	dir := copyModule(t)
	if _, stderr, code := gen(t, dir, "-into=./internal/telemetry", "./..."); code != 0 {
		t.Fatal(stderr)
	}
	name := filepath.Join(dir, "internal", "telemetry", DefaultFile)
	first, _ := os.ReadFile(name)
	edited := bytes.Replace(first, []byte("// APIVersionKey is the attribute key"), []byte("// APIVersionKey (edited by hand) is the attribute key"), 1)
	os.WriteFile(name, edited, 0o644)
	extra := `package engine

import "go.opentelemetry.io/otel/attribute"

// Extra is new code with a new key.
func Extra() attribute.KeyValue { return attribute.Int("engine.extra_id", 1) }
`
	os.WriteFile(filepath.Join(dir, "engine", "extra.go"), []byte(extra), 0o644)
	stdout, stderr, code := gen(t, dir, "-into=./internal/telemetry", "./...")
	if code != 0 || !strings.Contains(stdout, "1 new constant (1 attribute key)") || !strings.Contains(stdout, "made 1 rewrite in 1 file") {
		t.Fatalf("exit %d:\n%s%s", code, stdout, stderr)
	}
	got, _ := os.ReadFile(name)
	if !bytes.Contains(got, []byte("(edited by hand)")) {
		t.Error("the edit by hand was lost")
	}
	wantAdded := "\tQueueWaitMsKey = attribute.Key(\"queue.wait.ms\")\n\n" +
		"\t// EngineExtraIDKey is the attribute key \"engine.extra_id\", first seen at engine/extra.go:6.\n" +
		"\tEngineExtraIDKey = attribute.Key(\"engine.extra_id\")\n)\n"
	if !bytes.Contains(got, []byte(wantAdded)) {
		t.Errorf("new constant not at the end of the keys block:\n%s", got)
	}
	if rest := bytes.Replace(got, []byte("\n\t// EngineExtraIDKey is the attribute key \"engine.extra_id\", first seen at engine/extra.go:6.\n\tEngineExtraIDKey = attribute.Key(\"engine.extra_id\")\n"), nil, 1); !bytes.Equal(rest, edited) {
		t.Errorf("the rest of the file changed:\n%s", got)
	}
	goCmd(t, dir, "build", "./...")
}

// TestCycle: a target that imports a package that would import it is
// refused, in one line naming both, before anything is written.
func TestCycle(t *testing.T) {
	t.Parallel()
	dir := sharedModule(t)
	before := snapshot(t, dir)
	stdout, stderr, code := gen(t, dir, "-into=./cyclic", "./...")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := "spanattrlint gen: -into: example.com/genapp/cyclic imports example.com/genapp/engine, which would import it to use the constants: an import cycle; choose another package\n"
	if stderr != want || stdout != "" {
		t.Errorf("stderr:\n%s\nwant:\n%s\nstdout:\n%s", stderr, want, stdout)
	}
	if k, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Errorf("changed %s", k)
	}
}

func TestRefusals(t *testing.T) {
	t.Parallel()
	dir := sharedModule(t)
	before := snapshot(t, dir)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-into=./cmd/app", "./..."}, "-into: example.com/genapp/cmd/app is a main package"},
		{[]string{"-into=../elsewhere", "./..."}, "is outside the main module example.com/genapp"},
		{[]string{"-into=example.com/other/telemetry", "./..."}, "-into=example.com/other/telemetry is outside the main module example.com/genapp"},
		{[]string{"-into=./testdata/telemetry", "./..."}, `the go command ignores "testdata" directories`},
		{[]string{"-into=example.com/genapp/...", "./..."}, "want one package, not a pattern"},
		{[]string{"./..."}, "-into is required"},
		{[]string{"-into=./internal/telemetry"}, "no packages given"},
		{[]string{"-into=./internal/telemetry", "-file=telemetry_test.go", "./..."}, "-file=telemetry_test.go: want the name of a non-test Go file"},
		{[]string{"-into=./internal/telemetry", "./nosuch"}, "nosuch"},
	} {
		stdout, stderr, code := gen(t, dir, tc.args...)
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if code != 1 || len(lines) != 1 || !strings.Contains(stderr, tc.want) || !strings.HasPrefix(stderr, "spanattrlint gen: ") {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant one line containing %q (stdout %q)", tc.args, code, stderr, tc.want, stdout)
		}
	}
	if k, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Errorf("changed %s", k)
	}
}

// TestDryRun prints the file and the rewrites and leaves the module as it
// was, to the directories.
func TestDryRun(t *testing.T) {
	// Not parallel: it shares its module with TestCycle and TestRefusals,
	// and the constants file is on disk for a while.
	dir := sharedModule(t)
	before := snapshot(t, dir)
	stdout, stderr, code := gen(t, dir, "-into=./internal/telemetry", "-dry-run", "./...")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want, _ := os.ReadFile(filepath.Join(testdata, "golden", "telemetry.go.golden"))
	if !strings.Contains(stdout, string(want)) {
		t.Errorf("the file is not printed:\n%s", stdout)
	}
	for _, w := range []string{
		"-dry-run: would write internal/telemetry/spanattrlint_gen.go: 9 new constants",
		"-dry-run: would make 14 rewrites in 3 files", // 3 to semconv constants (TestNewPackage)
		"\tengine/engine.go: 9\n",
	} {
		if !strings.Contains(stdout, w) {
			t.Errorf("output lacks %q:\n%s", w, stdout)
		}
	}
	if k, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Errorf("-dry-run changed %s", k)
	}
}

// TestFailureLeavesNothing: a failure once the fixes are computed (here:
// a file they change is edited meanwhile, as an editor would) leaves
// nothing of the run: the constants file is not on disk while the fixes
// are computed, and the run ends with one line naming the file.
func TestFailureLeavesNothing(t *testing.T) {
	t.Parallel()
	dir := copyModule(t)
	engine := filepath.Join(dir, "engine", "engine.go")
	before := snapshot(t, dir)
	edited := false
	log := logWriter(func(line string) {
		if !strings.Contains(line, "fixes of") || edited {
			return
		}
		edited = true
		if fileExists(filepath.Join(dir, "internal", "telemetry")) {
			t.Error("the constants package is on disk before the fixes are checked")
		}
		f, err := os.OpenFile(engine, os.O_APPEND|os.O_WRONLY, 0)
		if err == nil {
			_, err = f.WriteString("\n// An edit made while gen ran.\n")
			err = errors.Join(err, f.Close())
		}
		if err != nil {
			t.Error(err)
		}
	})
	_, stderr, code := genLogged(t, dir, log, "-into=./internal/telemetry", "./...")
	if code != 1 || stderr != "spanattrlint gen: engine/engine.go changed while spanattrlint gen ran (another gen on this module, or an editor?): nothing of this run was left; run gen again\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	after := snapshot(t, dir)
	if !strings.HasSuffix(string(readFileT(t, engine)), "\n// An edit made while gen ran.\n") {
		t.Error("the edit made meanwhile is gone")
	}
	delete(before, engine)
	delete(after, engine)
	if k, ok := sameSnapshot(before, after); !ok {
		t.Errorf("changed %s", k)
	}
}

// logWriter is a Log (-v) that calls f with each line written.
type logWriter func(line string)

func (w logWriter) Write(p []byte) (int, error) {
	for _, l := range strings.Split(strings.TrimSuffix(string(p), "\n"), "\n") {
		w(l)
	}
	return len(p), nil
}

func TestHelp(t *testing.T) {
	t.Parallel()
	var out, errb bytes.Buffer
	if code := main([]string{"-help"}, Options{Dir: ".", Stdout: &out}, &errb); code != 0 {
		t.Errorf("exit %d", code)
	}
	for _, w := range []string{"-into", "-file", "-dry-run", "-span-names", "-test", "import cycle", "Code generated"} {
		if !strings.Contains(errb.String(), w) {
			t.Errorf("-help does not mention %s", w)
		}
	}
}

func run(dir, name string, args ...string) (string, string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = offlineEnv
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	return o.String(), e.String(), err
}
