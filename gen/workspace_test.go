package gen

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// workspace writes a go.work workspace like ../shared/repros/robustness/
// workspace: modules a (with its tracing package) and b, which requires
// nothing of a but uses it through go.work; the root is no module.
func workspace(t *testing.T) string {
	t.Helper()
	sum, err := os.ReadFile(filepath.Join(testdata, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	files := map[string]string{
		"go.work":        "go 1.26.0\n\nuse (\n\t./a\n\t./b\n)\n",
		"a/go.mod":       "module example.com/a\n\ngo 1.26.0\n\nrequire go.opentelemetry.io/otel v1.47.0\n\nrequire github.com/cespare/xxhash/v2 v2.3.0 // indirect\n",
		"a/go.sum":       string(sum),
		"a/tracing/t.go": "package tracing\n\nconst UserID = \"user.id_x\"\n",
		"a/a.go":         "package a\n\nimport (\n\t\"go.opentelemetry.io/otel/attribute\"\n\n\t\"example.com/a/tracing\"\n)\n\nvar KV = attribute.String(tracing.UserID, \"x\")\nvar KV2 = attribute.String(\"a.thing\", \"x\")\n",
		"b/go.mod":       "module example.com/b\n\ngo 1.26.0\n\nrequire go.opentelemetry.io/otel v1.47.0\n\nrequire github.com/cespare/xxhash/v2 v2.3.0 // indirect\n",
		"b/go.sum":       string(sum),
		"b/b.go":         "package b\n\nimport (\n\t\"go.opentelemetry.io/otel/attribute\"\n\n\t\"example.com/a/tracing\"\n)\n\nvar KV = attribute.String(tracing.UserID, \"x\")\nvar KV3 = attribute.String(\"user.id_x\", \"y\")\nvar KV4 = attribute.String(\"b.thing\", \"y\")\n",
	}
	for name, text := range files {
		name = filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(name), 0o777)
		if err := os.WriteFile(name, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// genWork runs the subcommand in dir, offline, in workspace mode (where
// -mod=mod is not allowed).
func genWork(t *testing.T, dir, gowork string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	env := append(os.Environ(), "GOPROXY=off", "GOFLAGS=", "GOWORK="+gowork)
	var out, errb bytes.Buffer
	code = main(args, Options{Dir: dir, Env: env, Stdout: &out}, &errb)
	return out.String(), errb.String(), code
}

func buildWork(t *testing.T, dir string, patterns ...string) {
	t.Helper()
	cmd := exec.Command("go", append([]string{"build"}, patterns...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
}

func fileHas(t *testing.T, name, text string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), text) {
		t.Errorf("%s lacks %q:\n%s", name, text, data)
	}
}

// TestWorkspaceRoot: gen at a workspace root, which is no module, writes
// into one workspace module and fixes both.
func TestWorkspaceRoot(t *testing.T) {
	t.Parallel()
	root := workspace(t)
	stdout, stderr, code := genWork(t, root, "", "-into=./a/telemetry", "./a/...", "./b/...")
	if code != 0 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "wrote a/telemetry/spanattrlint_gen.go: 2 new constants") || !strings.Contains(stdout, "made 3 rewrites in 2 files") {
		t.Errorf("stdout:\n%s", stdout)
	}
	fileHas(t, filepath.Join(root, "a", "a.go"), "telemetry.AThingKey.String(\"x\")")
	fileHas(t, filepath.Join(root, "b", "b.go"), "attribute.String(tracing.UserID, \"y\")")
	fileHas(t, filepath.Join(root, "b", "b.go"), "telemetry.BThingKey.String(\"y\")")
	fileHas(t, filepath.Join(root, "a", "telemetry", "spanattrlint_gen.go"), "package telemetry")
	buildWork(t, root, "./a/...", "./b/...")
}

// TestWorkspaceModule: gen in one module of a workspace may write into
// another, by import path; with GOWORK=off the root is no module.
func TestWorkspaceModule(t *testing.T) {
	t.Parallel()
	root := workspace(t)
	stdout, stderr, code := genWork(t, filepath.Join(root, "b"), "", "-into=example.com/a/tracing", "./...")
	if code != 0 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	fileHas(t, filepath.Join(root, "a", "tracing", "spanattrlint_gen.go"), `BThingKey = attribute.Key("b.thing")`)
	fileHas(t, filepath.Join(root, "b", "b.go"), "tracing.BThingKey.String(\"y\")")
	buildWork(t, root, "./a/...", "./b/...")

	_, stderr, code = genWork(t, root, "off", "-into=./a/telemetry", "./a/...")
	if code != 1 || !strings.Contains(stderr, "is not inside a Go module (no go.mod) nor a go.work workspace") {
		t.Errorf("GOWORK=off at the root: exit %d, stderr %s", code, stderr)
	}
}
