package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The jq one-liner of docs/integrations.md (linked from the README) turns
// -json into GitHub annotations; a package that does not type-check appears
// in the JSON as {"error": ...}, which the one-liner must pass over rather
// than stop at.
func TestREADMEJQSurvivesErrors(t *testing.T) {
	t.Parallel()
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("no jq on PATH (.ci/run installs it)")
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "docs", "integrations.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)spanattrlint -json \./\.\.\. \| jq -r '(.*?)'\n`).FindSubmatch(readme)
	if m == nil {
		t.Fatal("no jq one-liner in docs/integrations.md")
	}
	dir := sharedFixmod(t)
	stdout, _, code := run(t, dir, bin, "-json", "./partial")
	if code != 1 || !strings.Contains(stdout, `"error"`) {
		t.Fatalf("-json on a broken package: exit %d, want 1, and an error entry; stdout:\n%s", code, stdout)
	}
	cmd := exec.Command(jq, "-r", string(m[1]))
	cmd.Stdin = strings.NewReader(stdout)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("jq: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "::warning file="+filepath.Join(dir, "partial", "partial.go")+",line=") {
		t.Errorf("no annotation for partial/partial.go:\n%s", out)
	}
}

// The README's first line lints the bundled example, a module of its own,
// from the repository's root: run as written, with the built command for
// "go run ./cmd/spanattrlint", it reports the example's findings and exits
// 3, as the line's comment says.
func TestREADMEFirstLineLintsTheExample(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?m)^```sh\ngo run \\./cmd/spanattrlint ([^#\n]*)#").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md does not start with a go run ./cmd/spanattrlint line")
	}
	args := strings.Fields(string(m[1]))
	_, stderr, code := run(t, root, bin, args...)
	abs, err := filepath.Abs(filepath.Join(root, "examples", "journey", "engine", "engine.go"))
	if err != nil {
		t.Fatal(err)
	}
	if code != 3 || !strings.Contains(stderr, abs+":") {
		t.Errorf("spanattrlint %s at the root: exit %d, want 3 and findings in %s; stderr:\n%s", m[1], code, abs, stderr)
	}
}

// -C, first of all arguments, is the directory to work in (the README's
// first line uses it); one that does not exist, or none, is one line
// saying so and exit status 1.
func TestChdirFlag(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-C", "nosuch", "./..."}, "spanattrlint: -C: chdir nosuch: "},
		{[]string{"-C=nosuch", "./..."}, "spanattrlint: -C: chdir nosuch: "},
		{[]string{"-C"}, "spanattrlint: flag needs an argument: -C\n"},
	} {
		stdout, stderr, code := run(t, ".", bin, c.args...)
		if code != 1 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, c.want) {
			t.Errorf("%v: exit %d, want 1 and one line starting %q; stderr:\n%s", c.args, code, c.want, stderr)
		}
	}
}
