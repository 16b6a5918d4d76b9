package main_test

import (
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// Flags: a mistake costs one line that says what is wrong and where the
// help is; every kind of run exits with the status the README (and
// docs/integrations.md) states.

func TestFlagErrorsAreOneLine(t *testing.T) {
	t.Parallel()
	dir := sharedFixmod(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-nosuch", "./clean"}, "flag provided but not defined: -nosuch"},
		{[]string{"-c=x", "./clean"}, `invalid value "x" for flag -c: parse error`},
		{[]string{"-deprecated=maybe", "./clean"}, `invalid boolean value "maybe" for -deprecated: want true or false`},
		{[]string{"-constants=,,,", "./clean"}, `invalid value ",,," for flag -constants: empty entry in the comma-separated list`},
		{[]string{"-key-prefix=app,,journey", "./clean"}, `invalid value "app,,journey" for flag -key-prefix: empty entry in the comma-separated list`},
		{[]string{"-diff", "./clean"}, "-diff needs -fix"},
		{[]string{"-V=short"}, "-V=short: want -V or -V=full"},
	} {
		stdout, stderr, code := run(t, dir, bin, c.args...)
		want := "spanattrlint: " + c.want + "; run 'spanattrlint -help'\n"
		if code != 1 || stdout != "" || stderr != want {
			t.Errorf("%v: exit %d, want 1; stdout %q; stderr:\n%s\nwant:\n%s", c.args, code, stdout, stderr, want)
		}
	}
}

// "spanattrlint help" is -help; "spanattrlint help gen" is gen -help.
func TestHelpSubcommand(t *testing.T) {
	t.Parallel()
	for _, c := range [][2][]string{{{"help"}, {"-help"}}, {{"help", "gen"}, {"gen", "-help"}}} {
		stdout, stderr, code := run(t, ".", bin, c[0]...)
		_, want, _ := run(t, ".", bin, c[1]...)
		if code != 0 || stdout != "" || stderr != want || !strings.Contains(stderr, "Usage") && !strings.Contains(stderr, "usage") {
			t.Errorf("%v: exit %d; stderr:\n%s\nwant what %v prints:\n%s", c[0], code, stderr, c[1], want)
		}
	}
	_, stderr, _ := run(t, ".", bin, "-help")
	if !strings.Contains(stderr, "spanattrlint gen") {
		t.Errorf("-help does not mention gen:\n%s", stderr)
	}
}

// -V=full is what go vet hashes into its cache key: the executable's
// SHA-256 as the build ID, after a version that says "devel" for a build
// that is not a release (go vet then keys on the build ID alone).
func TestVersion(t *testing.T) {
	t.Parallel()
	stdout, _, code := run(t, ".", bin, "-V=full")
	m := regexp.MustCompile(`^spanattrlint version devel (?:\S+ )?go\S+ buildID=([0-9a-f]{64})\n$`).FindStringSubmatch(stdout)
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || m == nil || m[1] != fmt.Sprintf("%x", sha256.Sum256(data)) {
		t.Errorf("-V=full: exit %d, %q", code, stdout)
	}
	stdout, _, code = run(t, ".", bin, "-V")
	if code != 0 || !regexp.MustCompile(`^spanattrlint version devel (?:\S+ )?go\S+\n$`).MatchString(stdout) {
		t.Errorf("-V: exit %d, %q", code, stdout)
	}
}

// The exit status of each kind of run: 0 clean, 3 findings, 1 an error;
// -json 0 unless it failed; -fix 0 when it applied every fix, although
// findings without a fix remain.
func TestExitStatuses(t *testing.T) {
	t.Parallel()
	dir := copyFixmod(t)
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"./clean"}, 0},
		{[]string{"./svc"}, 3},
		{[]string{"./broken"}, 1},
		{[]string{"-json", "./svc"}, 0},
		{[]string{"-json", "./broken"}, 1},
		{[]string{"-fix", "-diff", "./nofix"}, 0},
		{[]string{"-fix", "./nofix"}, 0},
		{[]string{"./nofix"}, 3}, // the finding without a fix is left
		{[]string{"-fix", "./nofix"}, 0},
		{[]string{"-fix", "./broken"}, 1},
		{[]string{"./nosuchdir"}, 1},
		{[]string{}, 1},
	} {
		args := append([]string{fixConstants}, c.args...)
		if len(c.args) == 0 {
			args = nil
		}
		_, stderr, code := run(t, dir, bin, args...)
		if code != c.want {
			t.Errorf("%v: exit %d, want %d; stderr:\n%s", c.args, code, c.want, stderr)
		}
	}
	got, _ := os.ReadFile(filepath.Join(dir, "nofix", "nofix.go"))
	if !strings.Contains(string(got), "attribute.Int(tracing.Qty, 1)") || !strings.Contains(string(got), `"app.unknown_key"`) {
		t.Errorf("nofix.go after -fix:\n%s", got)
	}
}

// Build tags select files, through -tags as through GOFLAGS; the finding
// is only in a file built with -tags=integration.
func TestBuildTags(t *testing.T) {
	t.Parallel()
	dir := sharedFixmod(t)
	const finding = `tagged/tagged.go:7:27: hard-coded attribute key "app.tagged"`
	for _, c := range []struct {
		env  []string
		args []string
		want bool
	}{
		{nil, []string{"./tagged"}, false},
		{nil, []string{"-tags=integration", "./tagged"}, true},
		{[]string{"GOFLAGS=-tags=integration"}, []string{"./tagged"}, true},
	} {
		cmd := exec.Command(bin, c.args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), c.env...)
		out, _ := cmd.CombinedOutput()
		if got := strings.Contains(string(out), finding); got != c.want {
			t.Errorf("%v %v: finding reported %v, want %v; output:\n%s", c.env, c.args, got, c.want, out)
		}
	}
}

// A -constants package that the linted package does not import is read
// from source, with the same build tags as the packages: a constant
// declared in a file that -tags (or GOFLAGS's -tags) selects is named, and
// without the tag it is not, as in the build.
func TestBuildTagsSelectConstantsFiles(t *testing.T) {
	t.Parallel()
	dir := sharedCopy(t, filepath.Join("testdata", "tagmod"))
	const tagged = `svc/svc.go:9:19: hard-coded attribute key "app.tagged_only": use consts.TaggedKey`
	const plain = `svc/svc.go:8:19: hard-coded attribute key "app.plain": use consts.PlainKey`
	for _, c := range []struct {
		env  []string
		args []string
		want bool
	}{
		{nil, []string{"./svc"}, false},
		{nil, []string{"-tags=integration", "./svc"}, true},
		{[]string{"GOFLAGS=-tags=integration"}, []string{"./svc"}, true},
	} {
		cmd := exec.Command(bin, append([]string{"-constants=example.com/tagmod/consts"}, c.args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), c.env...)
		out, _ := cmd.CombinedOutput()
		if !strings.Contains(string(out), plain) {
			t.Errorf("%v %v: no %s; output:\n%s", c.env, c.args, plain, out)
		}
		if got := strings.Contains(string(out), tagged); got != c.want {
			t.Errorf("%v %v: TaggedKey named %v, want %v; output:\n%s", c.env, c.args, got, c.want, out)
		}
	}
}

// The help's prose, before the flag list, names gen, every value check and
// every category with its options, so a reader learns what is checked
// without reading each flag.
func TestHelpNamesEveryCheck(t *testing.T) {
	t.Parallel()
	_, stderr, _ := run(t, ".", bin, "-help")
	prose, _, ok := strings.Cut(stderr, "\nFlags:")
	if !ok {
		t.Fatalf("no flag list in -help:\n%s", stderr)
	}
	words := []string{"spanattrlint gen", "-deprecated", "-misspelled", "-naming", "-key-prefix", "-forbidden-keys", "-event-style", "-migrate-deprecated", "standard error"}
	for _, c := range analyzer.Categories() {
		words = append(words, "\n  - "+c.Name+": ")
		for _, o := range c.Options {
			words = append(words, "-"+o)
		}
	}
	for _, w := range words {
		if !strings.Contains(prose, w) {
			t.Errorf("-help's text before the flags does not mention %s", w)
		}
	}
}

// TestSchemaURLOffUnderGoVet: go vet passes -schema-url=false on to the
// analyzer, which then reports none of the mismatches the command reports
// in the same package by default.
func TestSchemaURLOffUnderGoVet(t *testing.T) {
	t.Parallel()
	dir := sharedCopy(t, filepath.Join(root, "testdata", "sdkapp"))
	_, stderr, code := run(t, dir, bin, "./schemaurl")
	if code != 3 || !strings.Contains(stderr, "conflicting Schema URL") {
		t.Fatalf("standalone: exit %d, want 3 with schema URL mismatches; stderr:\n%s", code, stderr)
	}
	_, stderr, code = run(t, dir, "go", "vet", "-vettool="+bin, "-schema-url=false", "./schemaurl")
	if code != 0 || stderr != "" {
		t.Errorf("go vet -schema-url=false: exit %d, want 0 and nothing reported; stderr:\n%s", code, stderr)
	}
}
