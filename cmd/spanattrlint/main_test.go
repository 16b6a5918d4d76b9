package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The tests run the command as users do: built once, on copies of modules
// that use the real go.opentelemetry.io/otel from the module cache.

var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "spanattrlint-cmd")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "spanattrlint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var offline = []string{"GOPROXY=off", "GOFLAGS=-mod=mod"}

// run runs name with args in dir and returns stdout, stderr and the exit code.
func run(t *testing.T, dir, name string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), offline...)
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

// copyTestdata copies the testdata module into a temporary directory.
func copyTestdata(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "testdata", "src"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// copyExample copies the bundled example, with the module's go.mod and
// go.sum, into a temporary directory.
func copyExample(t *testing.T) string {
	t.Helper()
	root := filepath.Join("..", "..")
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	example := filepath.Join("examples", "journey")
	if err := os.CopyFS(filepath.Join(dir, example), os.DirFS(filepath.Join(root, example))); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestHelpExplainsEveryFlag(t *testing.T) {
	_, stderr, code := run(t, ".", bin, "-help")
	if code != 0 {
		t.Errorf("-help exited %d", code)
	}
	for _, want := range []string{"-constants", "-span-names", "-fix", "-diff", "-json", "-test", "hard-coded OpenTelemetry attribute keys",
		"-deprecated", "-migrate-deprecated", "-misspelled", "-naming", "-key-prefix", "-forbidden-keys", "-event-style"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("-help does not mention %s:\n%s", want, stderr)
		}
	}
}

var findingLine = regexp.MustCompile(`^(\S+\.go:\d+:\d+): (.*)$`)

// findings returns the sorted "file:line:col: message" lines of output,
// with file names relative to dir.
func findings(dir, output string) []string {
	var out []string
	for _, line := range strings.Split(output, "\n") {
		if m := findingLine.FindStringSubmatch(line); m != nil {
			pos := m[1]
			if rel, err := filepath.Rel(dir, pos); err == nil && !strings.HasPrefix(rel, "..") {
				pos = rel
			}
			out = append(out, strings.TrimPrefix(pos, "./")+": "+m[2])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestGoVetReportsTheSameAsStandalone(t *testing.T) {
	dir := copyTestdata(t)
	flags := []string{"-constants=example.com/app/internal/tracing", "-span-names"}
	_, standalone, code := run(t, dir, bin, append(flags, "./...")...)
	if code != 3 {
		t.Fatalf("standalone exited %d, want 3 (findings):\n%s", code, standalone)
	}
	_, vet, code := run(t, dir, "go", append(append([]string{"vet", "-vettool=" + bin}, flags...), "./...")...)
	if code == 0 {
		t.Fatalf("go vet exited 0 with findings expected:\n%s", vet)
	}
	want, got := findings(dir, standalone), findings(dir, vet)
	if len(want) < 40 {
		t.Fatalf("only %d findings standalone:\n%s", len(want), standalone)
	}
	if !slices.Equal(want, got) {
		t.Errorf("go vet and standalone differ\nstandalone:\n%s\ngo vet:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}

func TestUnknownConstantsPackage(t *testing.T) {
	dir := copyTestdata(t)
	before := snapshot(t, dir)
	for _, args := range [][]string{
		{"-fix", "-constants=example.com/app/nosuch", "./..."},
		{"-constants=example.com/app/internal/tracing,example.com/app/nosuch/...", "./..."},
	} {
		_, stderr, code := run(t, dir, bin, args...)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1", args, code)
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if len(lines) != 1 || !strings.Contains(lines[0], "spanattrlint: -constants: no package matches \"example.com/app/nosuch") {
			t.Errorf("%v: want one line naming the pattern, got:\n%s", args, stderr)
		}
	}
	_, stderr, code := run(t, dir, "go", "vet", "-vettool="+bin, "-constants=example.com/app/nosuch", "./positions")
	if code == 0 || !strings.Contains(stderr, `no package matches "example.com/app/nosuch"`) {
		t.Errorf("go vet: exit %d, stderr:\n%s", code, stderr)
	}
	if after := snapshot(t, dir); !maps_equal(before, after) {
		t.Error("files changed although the configuration was wrong")
	}
}

func TestCodeThatDoesNotTypeCheck(t *testing.T) {
	dir := copyTestdata(t)
	broken := "package broken\n\nimport \"go.opentelemetry.io/otel/attribute\"\n\nvar kv = attribute.String(\"k\", 42)\n"
	if err := os.MkdirAll(filepath.Join(dir, "broken"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken", "broken.go"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, dir, bin, "./broken")
	if code != 1 || strings.Contains(stderr, "panic") || !strings.Contains(stderr, "broken.go:5") {
		t.Errorf("exit %d, want 1 with the type error's position and no panic:\n%s", code, stderr)
	}
}

func TestJSONCarriesTheEdit(t *testing.T) {
	dir := copyTestdata(t)
	stdout, stderr, code := run(t, dir, bin, "-json", "./semconvfix")
	if code != 0 {
		t.Fatalf("-json exited %d: %s", code, stderr)
	}
	// {"pkg": {"spanattrlint": [diagnostic...]}}
	var out map[string]map[string][]struct {
		Category       string `json:"category"`
		Posn           string `json:"posn"`
		Message        string `json:"message"`
		SuggestedFixes []struct {
			Message string `json:"message"`
			Edits   []struct {
				Filename string `json:"filename"`
				Start    int    `json:"start"`
				End      int    `json:"end"`
				New      string `json:"new"`
			} `json:"edits"`
		} `json:"suggested_fixes"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	found := false
	for _, byAnalyzer := range out {
		for _, d := range byAnalyzer["spanattrlint"] {
			if strings.Contains(d.Message, `"server.port": use semconv.ServerPortKey`) {
				found = true
				if len(d.SuggestedFixes) != 1 || d.SuggestedFixes[0].Message != "Use semconv.ServerPortKey.Int" {
					t.Errorf("fix = %+v", d.SuggestedFixes)
				}
				if d.Category != "hard-coded" {
					t.Errorf("category = %q, want hard-coded", d.Category)
				}
				if !strings.Contains(d.Posn, "semconvfix.go:") {
					t.Errorf("posn = %q", d.Posn)
				}
			}
		}
	}
	if !found {
		t.Errorf("no server.port finding in -json output:\n%s", stdout)
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			files[p] = string(b)
		}
		return nil
	})
	return files
}

func maps_equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestFixExample applies -fix to a copy of the bundled example and checks
// what a user would: the code is gofmt-clean, builds, passes go vet, its
// tests (which assert the exact keys and event names the spans carry) still
// pass, and nothing fixable is left.
func TestFixExample(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests a module")
	}
	dir := copyExample(t)
	pkgs := "./examples/journey/..."

	_, before, code := run(t, dir, bin, pkgs)
	if code != 3 {
		t.Fatalf("before -fix: exit %d, want 3:\n%s", code, before)
	}
	if _, stderr, code := run(t, dir, bin, "-fix", pkgs); code != 0 {
		t.Fatalf("-fix: exit %d:\n%s", code, stderr)
	}
	if out, _, _ := run(t, dir, "gofmt", "-l", "examples"); out != "" {
		t.Errorf("not gofmt-clean after -fix:\n%s", out)
	}
	for _, args := range [][]string{{"build", pkgs}, {"vet", pkgs}, {"test", "-count=1", pkgs}} {
		if stdout, stderr, code := run(t, dir, "go", args...); code != 0 {
			t.Fatalf("go %v after -fix: exit %d\n%s%s", args, code, stdout, stderr)
		}
	}
	stdout, _, _ := run(t, dir, bin, "-json", pkgs)
	if strings.Contains(stdout, "suggested_fixes") {
		t.Errorf("fixable findings left after -fix:\n%s", stdout)
	}
	if after := findings(dir, func() string { _, s, _ := run(t, dir, bin, pkgs); return s }()); len(after) == 0 || len(after) >= len(findings(dir, before)) {
		t.Errorf("after -fix %d findings (want the few with no constant), before %d", len(after), len(findings(dir, before)))
	}
}

func TestHygieneFlags(t *testing.T) {
	dir := copyTestdata(t)
	_, on, _ := run(t, dir, bin, "./deprecated")
	_, off, _ := run(t, dir, bin, "-deprecated=false", "./deprecated")
	if !strings.Contains(on, "is deprecated in the semantic conventions") {
		t.Errorf("deprecated keys not reported by default:\n%s", on)
	}
	if strings.Contains(off, "is deprecated") || !strings.Contains(off, "hard-coded") {
		t.Errorf("-deprecated=false still reports deprecations, or nothing at all:\n%s", off)
	}
	_, naming, _ := run(t, dir, bin, "-naming=false", "-misspelled=false", "./naming", "./typos")
	if strings.Contains(naming, "naming rules") || strings.Contains(naming, "did you mean") {
		t.Errorf("-naming=false -misspelled=false still report:\n%s", naming)
	}
	_, stderr, code := run(t, dir, bin, "-event-style=camel", "./rules")
	if code != 1 || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, `-event-style: "camel" is not a style`) {
		t.Errorf("bad -event-style: exit %d, stderr:\n%s", code, stderr)
	}
}
