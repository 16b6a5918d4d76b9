package main_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Tests of the gen subcommand through the command, with main_test.go's
// bin and run.

func TestGenHelp(t *testing.T) {
	t.Parallel()
	_, stderr, code := run(t, ".", bin, "gen", "-help")
	if code != 0 {
		t.Errorf("gen -help exited %d", code)
	}
	for _, want := range []string{"usage: spanattrlint gen", "-into", "-file", "-dry-run", "-span-names", "-test"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("gen -help does not mention %s:\n%s", want, stderr)
		}
	}
	if _, stderr, code := run(t, ".", bin, "gen", "-nosuchflag"); code != 1 || stderr != "spanattrlint gen: flag provided but not defined: -nosuchflag; run 'spanattrlint gen -help'\n" {
		t.Errorf("gen with an unknown flag: exit %d, want 1 and one line; stderr:\n%s", code, stderr)
	}
}

// TestGenExample runs gen on a copy of the bundled example: the only value
// without a constant anywhere is "engine.batch_size", so the new package
// holds that one constant; every other literal is fixed to package tracing.
// The example then builds, vets, passes its tests (which assert every key
// and event name its spans carry), and spanattrlint has nothing left to fix.
// That -dry-run changes nothing and that a second run changes nothing is
// gen's TestDryRun and TestNewPackage, on the same code path (gen.Main).
func TestGenExample(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds and tests a module")
	}
	dir := copyExample(t)
	pkgs := "./..."
	stdout, stderr, code := run(t, dir, bin, "gen", "-into=./journey/telemetry", pkgs)
	if code != 0 || !strings.Contains(stdout, "wrote journey/telemetry/spanattrlint_gen.go: 1 new constant (1 attribute key)") {
		t.Fatalf("gen: exit %d:\n%s%s", code, stdout, stderr)
	}
	rewrites := regexp.MustCompile(`made (\d+) rewrites in 2 files`).FindStringSubmatch(stdout)
	if rewrites == nil {
		t.Errorf("gen output:\n%s", stdout)
	}
	got, err := os.ReadFile(filepath.Join(dir, "journey", "telemetry", "spanattrlint_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	consts := regexp.MustCompile(`(?m)^\t(\w+) = (.*)$`).FindAllStringSubmatch(string(got), -1)
	if len(consts) != 1 || consts[0][1] != "EngineBatchSizeKey" || consts[0][2] != `attribute.Key("engine.batch_size")` {
		t.Errorf("constants %q, want EngineBatchSizeKey only:\n%s", consts, got)
	}
	engine, _ := os.ReadFile(filepath.Join(dir, "journey", "engine", "engine.go"))
	if !strings.Contains(string(engine), "telemetry.EngineBatchSizeKey.Int(len(batch))") {
		t.Error("engine.go does not use telemetry.EngineBatchSizeKey")
	}

	if out, _, _ := run(t, dir, "gofmt", "-l", "."); out != "" {
		t.Errorf("not gofmt-clean after gen:\n%s", out)
	}
	for _, args := range [][]string{{"build", pkgs}, {"vet", pkgs}, {"test", "-count=1", pkgs}} {
		if stdout, stderr, code := run(t, dir, "go", args...); code != 0 {
			t.Fatalf("go %v after gen: exit %d\n%s%s", args, code, stdout, stderr)
		}
	}
	if stdout, _, _ := run(t, dir, bin, "-json", pkgs); strings.Contains(stdout, "suggested_fixes") {
		t.Errorf("fixable findings left after gen:\n%s", stdout)
	}
}
