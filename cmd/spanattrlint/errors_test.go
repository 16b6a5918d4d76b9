package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Errors a person can act on: each printed once, on one line.

// A type error in a package that has a test file and a package importing
// it is printed once: not again for the test variant, nor as the go
// command's copy, nor as the importer's "could not import".
func TestTypeErrorIsPrintedOnce(t *testing.T) {
	t.Parallel()
	dir := sharedFixmod(t)
	before := snapshot(t, dir)
	want := filepath.Join(dir, "broken", "broken.go") + ":5:43: cannot use 42 (untyped int constant) as string value in argument to attribute.String\n"
	for _, args := range [][]string{{"./broken", "./user"}, {"-fix", "./broken", "./user"}} {
		stdout, stderr, code := run(t, dir, bin, args...)
		if args[0] == "-fix" {
			want += "spanattrlint: -fix changed no file: package example.com/fixmod/broken has errors\n"
		}
		if code != 1 || stdout != "" || stderr != want {
			t.Errorf("%v: exit %d, want 1; stderr:\n%s\nwant:\n%s", args, code, stderr, want)
		}
	}
	sameFiles(t, before, snapshot(t, dir))
}

// go vet runs one process per package: a bad -constants, or a flag value
// that does not parse, is still printed once, and no package that
// imports another then fails for want of its "vetx" file.
func TestGoVetConfigErrorIsPrintedOnce(t *testing.T) {
	t.Parallel()
	dir := sharedFixmod(t)
	for _, c := range []struct{ flag, want string }{
		{"-constants=example.com/fixmod/nosuch", `spanattrlint: -constants: no package matches "example.com/fixmod/nosuch"`},
		{"-constants=,,,", `spanattrlint: invalid value ",,," for flag -constants: empty entry in the comma-separated list; run 'spanattrlint -help'`},
		{"-event-style=camel", `spanattrlint: -event-style: "camel" is not a style`},
		{"-key-prefix=.", `spanattrlint: -key-prefix: "." is not a key namespace`},
	} {
		_, stderr, code := run(t, dir, "go", "vet", "-vettool="+bin, c.flag, "./svc", "./clean", "./tracing", "./nofix")
		var said []string
		for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
			if !strings.HasPrefix(l, "# ") {
				said = append(said, l)
			}
		}
		if code == 0 || len(said) != 1 || !strings.HasPrefix(said[0], c.want) {
			t.Errorf("%s: exit %d, want one line starting %q; stderr:\n%s", c.flag, code, c.want, stderr)
		}
	}
}

// gen names the error of a package that does not type-check.
func TestGenShowsTheError(t *testing.T) {
	t.Parallel()
	dir := sharedFixmod(t)
	before := snapshot(t, dir)
	stdout, stderr, code := run(t, dir, bin, "gen", "-into=./telemetry", "./broken", "./user")
	want := "spanattrlint gen: broken/broken.go:5:43: cannot use 42 (untyped int constant) as string value in argument to attribute.String\n"
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("exit %d, want 1; stdout %q; stderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
	sameFiles(t, before, snapshot(t, dir))
}

// One syntax error is one line, the one go build prints (the compiler's),
// not again as go/parser's copy, nor the errors the parser then finds in
// what it could not read, nor the type checker's; standalone, with -fix
// and in gen.
func TestSyntaxErrorIsOneLine(t *testing.T) {
	t.Parallel()
	dir := sharedFixmod(t)
	before := snapshot(t, dir)
	file := filepath.Join(dir, "syntaxerr", "svc.go")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"./syntaxerr"}, file + ":3:14: syntax error: unexpected {, expected )\n"},
		{[]string{"-fix", "./syntaxerr"}, file + ":3:14: syntax error: unexpected {, expected )\n" +
			"spanattrlint: -fix changed no file: package example.com/fixmod/syntaxerr has errors\n"},
		{[]string{"gen", "-into=./telemetry", "./syntaxerr"}, "spanattrlint gen: syntaxerr/svc.go:3:14: syntax error: unexpected {, expected )\n"},
	} {
		stdout, stderr, code := run(t, dir, bin, c.args...)
		if code != 1 || stdout != "" || stderr != c.want {
			t.Errorf("%v: exit %d, want 1; stdout %q; stderr:\n%s\nwant:\n%s", c.args, code, stdout, stderr, c.want)
		}
	}
	sameFiles(t, before, snapshot(t, dir))
}

// An option value that can never match anything is an error, said before
// anything is loaded, not a run that silently finds nothing; a version
// written without its v or its patch number is named as it is spelt.
func TestValuesThatCanNeverMatchAreErrors(t *testing.T) {
	t.Parallel()
	dir := sharedFixmod(t)
	for _, c := range []struct{ flag, want string }{
		{"-forbidden-keys=user.email,order.*", `-forbidden-keys: "order.*" is a pattern, and -forbidden-keys takes whole keys, as the code writes them (want e.g. user.email)`},
		{"-key-prefix=.", `-key-prefix: "." is not a key namespace: no key that follows the naming rules (lowercase snake_case components separated by dots) starts with it (want e.g. app or app.journey)`},
		{"-key-prefix=app,Order", `-key-prefix: "Order" is not a key namespace: no key that follows the naming rules (lowercase snake_case components separated by dots) starts with it (want e.g. "order")`},
		{"-semconv-version=1.26", `-semconv-version: "1.26" is not a semconv package version: did you mean v1.26.0?`},
	} {
		stdout, stderr, code := run(t, dir, bin, c.flag, "./clean")
		if want := "spanattrlint: " + c.want + "\n"; code != 1 || stdout != "" || stderr != want {
			t.Errorf("%s: exit %d, want 1; stdout %q; stderr:\n%s\nwant:\n%s", c.flag, code, stdout, stderr, want)
		}
	}
}

// What the go command says, it says in its own words on one line, without
// go/packages' wrapping ("err: exit status 1: stderr:").
func TestGoCommandErrorIsItsOwnLine(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/future\n\ngo 1.99.0\n"), 0o644)
	os.Mkdir(filepath.Join(dir, "p"), 0o755)
	os.WriteFile(filepath.Join(dir, "p", "p.go"), []byte("package p\n"), 0o644)
	out, _ := exec.Command("go", "env", "GOVERSION").Output()
	goLine := "go: go.mod requires go >= 1.99.0 (running go " + strings.TrimPrefix(strings.TrimSpace(string(out)), "go") + "; GOTOOLCHAIN=local)\n"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"./..."}, "spanattrlint: " + goLine},
		{[]string{"gen", "-into=./telemetry", "./..."}, "spanattrlint gen: " + goLine},
	} {
		stdout, stderr, code := runEnv(t, dir, []string{"GOTOOLCHAIN=local"}, bin, c.args...)
		if code != 1 || stdout != "" || stderr != c.want {
			t.Errorf("%v: exit %d, want 1; stdout %q; stderr:\n%s\nwant:\n%s", c.args, code, stdout, stderr, c.want)
		}
	}
}

// -into a directory whose import path the go command refuses is an error
// about -into, before anything is written; not about the -constants that
// gen would pass on.
func TestGenIntoDirectoryThatCannotBeImported(t *testing.T) {
	t.Parallel()
	dir := sharedFixmod(t)
	before := snapshot(t, dir)
	stdout, stderr, code := run(t, dir, bin, "gen", "-into=./my tele", "./svc")
	want := `spanattrlint gen: -into=./my tele: "example.com/fixmod/my tele" is not a valid import path (invalid char ' '): choose a directory whose path can be imported` + "\n"
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("exit %d, want 1; stdout %q; stderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
	sameFiles(t, before, snapshot(t, dir))
}

// An import path in the main module that names no package says so, with
// the directory, instead of the go command's advice to look the module up
// or go get it.
func TestPatternInTheMainModuleThatMatchesNothing(t *testing.T) {
	t.Parallel()
	dir := sharedFixmod(t)
	for _, args := range [][]string{{"example.com/fixmod/nosuch"}, {"gen", "-into=./telemetry", "example.com/fixmod/nosuch"}} {
		prog := "spanattrlint"
		if args[0] == "gen" {
			prog += " gen"
		}
		want := prog + ": no package example.com/fixmod/nosuch in the main module example.com/fixmod (no directory nosuch)\n"
		stdout, stderr, code := run(t, dir, bin, args...)
		if code != 1 || stdout != "" || stderr != want {
			t.Errorf("%v: exit %d, want 1; stdout %q; stderr:\n%s\nwant:\n%s", args, code, stdout, stderr, want)
		}
	}
}
