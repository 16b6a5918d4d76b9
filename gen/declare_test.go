package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/registry"
)

// withRegistry copies testdata/gen with testdata/src's registry (both
// syntaxes) as telemetry/v1 and telemetry/v2.
func withRegistry(t *testing.T) string {
	t.Helper()
	dir := copyModule(t)
	for _, v := range []string{"v1", "v2"} {
		src := filepath.Join("..", "testdata", "src", "telemetry", v)
		if err := os.CopyFS(filepath.Join(dir, "telemetry", v), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	if err := filepath.WalkDir(filepath.Join(dir, "telemetry"), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chmod(p, map[bool]os.FileMode{true: 0o755, false: 0o644}[d.IsDir()])
	}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// undeclared returns what spanattrlint -registry=reg -test=false reports
// as undeclared in dir.
func undeclared(t *testing.T, dir, reg string) []string {
	t.Helper()
	o := &Options{Dir: dir, Patterns: []string{"./..."}, Env: offlineEnv, Registry: reg}
	mod, err := findModule(dir, o.Env)
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := load(o, mod)
	if err != nil {
		t.Fatal(err)
	}
	if err := inferWrappers(o, pkgs, mod); err != nil {
		t.Fatal(err)
	}
	results, err := analyse(o, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range results {
		for _, d := range r.diags {
			if d.Category == string(category.Undeclared) {
				out = append(out, r.pkg.Fset.Position(d.Pos).String()+": "+d.Message)
			}
		}
	}
	return out
}

// TestDeclare: gen -declare, against the registry in each syntax, adds
// the keys and event names that the code emits and the registry lacks,
// in the registry's syntax (the files match the golden ones); the
// registry still reads, the lint against it reports nothing undeclared,
// and a second run adds nothing.
func TestDeclare(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, reg string
		args      []string
		files     map[string]string // written file (under reg) -> golden
	}{
		{"v1", "telemetry/v1", nil, map[string]string{
			"groups/api.yaml": "declare-v1-api.yaml", "groups/engine.yaml": "declare-v1-engine.yaml", "groups/main.yaml": "declare-v1-main.yaml"}},
		{"v2-into-existing", "telemetry/v2", []string{"-declare-file=model/shop.yaml"}, map[string]string{
			"model/shop.yaml": "declare-v2-shop.yaml"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := withRegistry(t)
			if u := undeclared(t, dir, c.reg); len(u) == 0 {
				t.Fatal("the lint reports nothing undeclared before -declare: the test proves nothing")
			}
			args := append([]string{"-registry=" + c.reg, "-declare"}, c.args...)
			stdout, stderr, code := gen(t, dir, append(args, "./...")...)
			if code != 0 {
				t.Fatalf("exit %d:\n%s%s", code, stdout, stderr)
			}
			for file, g := range c.files {
				b, err := os.ReadFile(filepath.Join(dir, c.reg, file))
				if err != nil {
					t.Fatal(err)
				}
				golden(t, g, b)
			}
			if _, err := registry.Read(filepath.Join(dir, c.reg), registry.Options{}); err != nil {
				t.Fatalf("the extended registry does not read: %v", err)
			}
			if u := undeclared(t, dir, c.reg); len(u) > 0 {
				t.Errorf("the lint against the extended registry still reports:\n%s", strings.Join(u, "\n"))
			}
			before := snapshot(t, dir)
			stdout, stderr, code = gen(t, dir, append(args, "./...")...)
			if code != 0 || !strings.Contains(stdout, "the registry declares every key and event name the code emits") {
				t.Errorf("second run: exit %d:\n%s%s", code, stdout, stderr)
			}
			if p, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
				t.Errorf("second run changed %s", p)
			}
		})
	}
}

// TestDeclareDryRun: -declare -dry-run prints the diff that the run
// without it makes, and changes no file or directory.
func TestDeclareDryRun(t *testing.T) {
	t.Parallel()
	dir := withRegistry(t)
	before := stat(t, dir)
	stdout, stderr, code := gen(t, dir, "-registry=telemetry/v2", "-declare", "-dry-run", "./engine")
	if code != 0 {
		t.Fatalf("exit %d:\n%s%s", code, stdout, stderr)
	}
	if c := changedStat(before, stat(t, dir)); c != "" {
		t.Errorf("-dry-run changed %s", c)
	}
	for _, want := range []string{"+++ b/telemetry/v2/groups/engine.yaml", "+  - key: queue.wait_ms\n+    type: int\n",
		"+  - name: journey.QUEUED\n", "-dry-run: would declare 5 attribute keys and 2 event names in telemetry/v2/groups/engine.yaml"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
}

// TestDeclareRefuses: what -declare refuses, before writing anything, in
// one line.
func TestDeclareRefuses(t *testing.T) {
	t.Parallel()
	dir := withRegistry(t)
	before := snapshot(t, dir)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-declare"}, "spanattrlint gen: -declare needs -registry: the registry to add the declarations to\n"},
		{[]string{"-declare", "-registry=telemetry/v1", "-into=./x"}, "spanattrlint gen: -declare writes the registry, not constants: run it without -into\n"},
		{[]string{"-declare", "-registry=telemetry/v1", "-declare-file=../x.yaml"}, "spanattrlint gen: -declare-file=../x.yaml: want a path inside the registry directory, relative to it\n"},
		{[]string{"-declare", "-registry=telemetry/v1", "-declare-file=manifest.yaml"}, "spanattrlint gen: -declare-file=manifest.yaml: the registry does not read that file (hidden, or its manifest); name another\n"},
		{[]string{"-registry=telemetry/v1", "-declare-file=x.yaml", "-into=./x"}, "spanattrlint gen: -declare-file is for -declare\n"},
	} {
		_, stderr, code := gen(t, dir, append(c.args, "./engine")...)
		if code != 1 || stderr != c.want {
			t.Errorf("%s: exit %d, stderr %q, want %q", strings.Join(c.args, " "), code, stderr, c.want)
		}
	}
	if p, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Errorf("changed %s", p)
	}
}
