package main_test

import (
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
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
	// -trimpath: the binary does not depend on where the checkout is, so a
	// fresh clone of a commit builds the same bytes, and go vet, which keys
	// its results on the vet tool's content, finds in the build cache what
	// it analysed with it before (seconds per go vet -vettool case).
	if out, err := exec.Command("go", "build", "-trimpath", "-o", bin, ".").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	for _, release := range releases {
		release()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs name with args in dir and returns stdout, stderr and the exit code.
func run(t *testing.T, dir, name string, args ...string) (string, string, int) {
	t.Helper()
	return runEnv(t, dir, nil, name, args...)
}

// root is the module's root, which holds the testdata modules.
var root = filepath.Join("..", "..")

// copyTestdata copies the testdata module into a temporary directory.
func copyTestdata(t *testing.T) string {
	t.Helper()
	return testsupport.Copy(t, filepath.Join(root, "testdata", "src"))
}

// copyExample copies the bundled example, the module in examples/, into a
// temporary directory.
func copyExample(t *testing.T) string {
	t.Helper()
	return testsupport.Copy(t, filepath.Join(root, "examples"))
}

// TestHelpExplainsEveryFlag: -help explains, with text of its own, every
// flag of the command: the analyzer's flags and the driver's, as -flags
// (what go vet reads) lists them, so a flag added anywhere without a usage
// fails the test.
func TestHelpExplainsEveryFlag(t *testing.T) {
	t.Parallel()
	_, help, code := run(t, ".", bin, "-help")
	if code != 0 {
		t.Errorf("-help exited %d", code)
	}
	if !strings.Contains(help, "hard-coded OpenTelemetry attribute keys") {
		t.Errorf("-help does not say what is reported:\n%s", help)
	}
	stdout, stderr, code := run(t, ".", bin, "-flags")
	var listed []struct{ Name, Usage string }
	if err := json.Unmarshal([]byte(stdout), &listed); code != 0 || err != nil {
		t.Fatalf("-flags: exit %d, %v; stderr:\n%s", code, err, stderr)
	}
	names := map[string]bool{}
	for _, f := range listed {
		names[f.Name] = true
	}
	analyzer.New(analyzer.Config{}).Flags.VisitAll(func(f *flag.Flag) {
		if !names[f.Name] {
			t.Errorf("the analyzer's -%s is not a flag of the command", f.Name)
		}
		names[f.Name] = true
	})
	if strings.Contains(help, `\n`) {
		t.Errorf("-help prints an escaped newline (a raw string's \\n) instead of a line break:\n%s", help)
	}
	_, flagList, ok := strings.Cut(help, "\nFlags:\n")
	if !ok {
		t.Fatalf("no flag list in -help:\n%s", help)
	}
	// The driver's flag set prints every flag it has, -fix and -diff
	// too, which -flags leaves to go vet.
	for _, m := range regexp.MustCompile(`(?m)^  -(\S+)`).FindAllStringSubmatch(flagList, -1) {
		names[m[1]] = true
	}
	for _, name := range []string{"fix", "diff", "json", "test", "tags", "V"} {
		if !names[name] {
			t.Errorf("-help does not list the driver's -%s", name)
		}
	}
	for name := range names {
		// "  -name" and its usage, on that line after a tab or indented below.
		m := regexp.MustCompile(`(?m)^  -` + regexp.QuoteMeta(name) + `(?: \S+)?(?:\t|\n    \t)(\S.*)$`).FindStringSubmatch(flagList)
		if m == nil {
			t.Errorf("-help does not explain -%s:\n%s", name, flagList)
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
	t.Parallel()
	dir := sharedTestdata(t)
	flags := []string{"-constants=example.com/app/internal/tracing", "-span-names"}
	_, standalone, code := run(t, dir, bin, append(flags, "./...")...)
	if code != 3 {
		t.Fatalf("standalone exited %d, want 3 (findings):\n%s", code, standalone)
	}
	// The command finds the wrappers of every package it analyses (those
	// of internal/spanlog, which package keyfuncs calls); go vet, which
	// sees one package at a time, is given them as -print-key-funcs
	// prints them.
	printed, _, code := run(t, dir, bin, append(append(slices.Clone(flags), "-print-key-funcs"), "./...")...)
	if code != 0 || !strings.Contains(printed, "example.com/app/internal/spanlog.Tag:0") {
		t.Fatalf("-print-key-funcs: exit %d, printed %s", code, printed)
	}
	vetFlags := append(slices.Clone(flags), "-key-funcs="+strings.TrimSpace(printed))
	_, vet, code := run(t, dir, "go", append(append([]string{"vet", "-vettool=" + bin}, vetFlags...), "./...")...)
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
	t.Parallel()
	dir := sharedTestdata(t)
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
	// Under go vet the same error takes the same path (the start-up
	// resolution in the package's module), which
	// TestGoVetConfigErrorIsPrintedOnce checks, message and exit status:
	// a go vet run with new flags type-checks every dependency again.
	if after := snapshot(t, dir); !unchanged(t, before, after) {
		t.Error("files changed although the configuration was wrong")
	}
}

func TestJSONCarriesTheEdit(t *testing.T) {
	t.Parallel()
	dir := sharedTestdata(t)
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

// snapshot and unchanged are testsupport's, named for these tests.
var snapshot = testsupport.Snapshot

// unchanged reports whether two snapshots are the same, and logs what differs.
func unchanged(t *testing.T, before, after map[string]string) bool {
	t.Helper()
	changed := testsupport.Changed(before, after)
	for _, c := range changed {
		t.Log(c)
	}
	return len(changed) == 0
}

// TestFixExample applies -fix to a copy of the bundled example and checks
// what a user would: the code is gofmt-clean, builds, passes go vet, its
// tests (which assert the exact keys and event names the spans carry) still
// pass, and nothing fixable is left.
func TestFixExample(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds and tests a module")
	}
	dir := copyExample(t)
	pkgs := "./journey/..."

	_, before, code := run(t, dir, bin, pkgs)
	if code != 3 {
		t.Fatalf("before -fix: exit %d, want 3:\n%s", code, before)
	}
	if _, stderr, code := run(t, dir, bin, "-fix", pkgs); code != 0 {
		t.Fatalf("-fix: exit %d:\n%s", code, stderr)
	}
	if out, _, _ := run(t, dir, "gofmt", "-l", "."); out != "" {
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

// TestHygieneFlags: each hygiene check reports by default, and its flag
// turns off that check alone: the run still succeeds and reports every
// other finding.
func TestHygieneFlags(t *testing.T) {
	t.Parallel()
	dir := sharedTestdata(t)
	hardCoded := []string{
		`deprecated/deprecated.go:19:20: hard-coded attribute key "db.system": use semconv.DBSystemKey`,
		`deprecated/deprecated.go:23:20: hard-coded attribute key "state": no constant defines it`,
		`deprecated/deprecated.go:26:17: hard-coded attribute key "rpc.response.status_code": use semconv.RPCResponseStatusCodeKey (import "go.opentelemetry.io/otel/semconv/v1.43.0")`,
	}
	deprecations := []string{
		`deprecated/deprecated.go:12:20: attribute key "http.method" is deprecated in the semantic conventions: renamed to "http.request.method" (semconv.HTTPRequestMethodKey)`,
		`deprecated/deprecated.go:15:18: attribute key "net.peer.name" is deprecated in the semantic conventions: Replaced by server.address on client spans and client.address on server spans.`,
		`deprecated/deprecated.go:19:20: attribute key "db.system" is deprecated in the semantic conventions: renamed to "db.system.name" (semconv.DBSystemNameKey)`,
		`deprecated/deprecated.go:20:3: attribute key "http.method" is deprecated in the semantic conventions: renamed to "http.request.method" (semconv.HTTPRequestMethodKey)`,
	}
	lint := func(args ...string) []string {
		t.Helper()
		_, stderr, code := run(t, dir, bin, args...)
		got := findings(dir, stderr)
		if code != 3 || len(got) == 0 {
			t.Errorf("%v: exit %d, want 3 (findings); stderr:\n%s", args, code, stderr)
		}
		return got
	}
	// The value checks (valuetype.go, enum.go): without its deprecation,
	// db.system's member is named, and its fix takes the key's place.
	valueType := `deprecated/deprecated.go:26:3: attribute key "rpc.response.status_code" is a string in the semantic conventions, set here with attribute.Int: use attribute.String`
	member := `deprecated/deprecated.go:19:3: attribute key "db.system" set to its enum member "postgresql": use semconv.DBSystemPostgreSQL`
	want := slices.Sorted(slices.Values(slices.Concat(hardCoded, deprecations, []string{valueType})))
	if got := lint("./deprecated"); !slices.Equal(got, want) {
		t.Errorf("by default:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	want = slices.Sorted(slices.Values(slices.Concat([]string{member, valueType}, hardCoded[1:])))
	if got := lint("-deprecated=false", "./deprecated"); !slices.Equal(got, want) {
		t.Errorf("-deprecated=false:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	all := lint("./naming", "./typos")
	var naming, misspelled, rest []string
	for _, f := range all {
		switch _, msg, _ := strings.Cut(f, ": "); {
		case strings.HasPrefix(msg, "hard-coded "), strings.Contains(msg, ", set here with "), strings.Contains(msg, "set to its enum member"):
			rest = append(rest, f) // the value checks' too
		case strings.Contains(msg, "did you mean"):
			misspelled = append(misspelled, f)
		default: // the naming rules, the otel namespace
			naming = append(naming, f)
		}
	}
	if len(naming) == 0 || len(misspelled) == 0 || len(rest) == 0 {
		t.Fatalf("by default, want findings of the naming rules, of misspellings and others:\n%s", strings.Join(all, "\n"))
	}
	for _, c := range []struct {
		flags []string
		want  []string
	}{
		{[]string{"-naming=false"}, slices.Concat(misspelled, rest)},
		{[]string{"-misspelled=false"}, slices.Concat(naming, rest)},
		{[]string{"-naming=false", "-misspelled=false"}, rest},
	} {
		want := slices.Sorted(slices.Values(c.want))
		if got := lint(append(c.flags, "./naming", "./typos")...); !slices.Equal(got, want) {
			t.Errorf("%v:\n%s\nwant\n%s", c.flags, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}

	_, stderr, code := run(t, dir, bin, "-event-style=camel", "./rules")
	if code != 1 || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, `-event-style: "camel" is not a style`) {
		t.Errorf("bad -event-style: exit %d, stderr:\n%s", code, stderr)
	}
}
