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
