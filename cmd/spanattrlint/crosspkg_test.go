package main_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// testdata/crosspkg sets every key, event name and span name through its
// own helper package tr (tr.Attribute(k, v), (*tr.Span).AddEvent,
// tr.StartSpan(ctx, name)), as containerd does through its tracing
// package, and through obs, which wraps tr. The command sees every package
// of the run, so it finds those wrappers by itself.

func copyCrosspkg(t *testing.T) string {
	t.Helper()
	return testsupport.Copy(t, filepath.Join(root, "testdata", "crosspkg"))
}

// What app/app.go (the field report's reproduction) writes through tr.
var crosspkgApp = []string{
	`app/app.go:10:33: hard-coded span name "app.pull": no constant defines it`,
	`app/app.go:12:34: hard-coded attribute key "image.ref": no constant defines it`,
	`app/app.go:12:66: hard-coded attribute key "container.id": use semconv.ContainerIDKey`,
	`app/app.go:13:16: hard-coded event name "app.pulled": no constant defines it`,
	`app/app.go:13:43: hard-coded attribute key "app.layers": no constant defines it`,
}

// crosspkgWrappers is what -print-key-funcs prints with -span-names.
const crosspkgWrappers = "(*example.com/crosspkg-wrapper/tr.Rec).Key:0," +
	"(*example.com/crosspkg-wrapper/tr.Span).AddEvent:0:event," +
	"example.com/crosspkg-wrapper/obs.Event:1:event," +
	"example.com/crosspkg-wrapper/obs.Tag:1," +
	"example.com/crosspkg-wrapper/tr.Attribute:0," +
	"example.com/crosspkg-wrapper/tr.Pair:0," +
	"example.com/crosspkg-wrapper/tr.Pair:2," +
	"example.com/crosspkg-wrapper/tr.StartSpan:1:span"

// inApp returns the findings of app/app.go, each cut after its message's
// first clause (the semconv hint names an import that may change).
func inApp(fs []string) []string {
	var out []string
	for _, f := range fs {
		if strings.HasPrefix(f, "app/") {
			if i := strings.Index(f, " (import"); i >= 0 {
				f = f[:i]
			}
			out = append(out, f)
		}
	}
	return out
}

// Standalone, with no configuration, the keys, event names and span names
// written through the module's helpers are reported; go vet, which sees one
// package at a time, reports the same once given the -key-funcs value that
// -print-key-funcs prints (the README's round trip), and without it
// reports none of them.
func TestCrossPackageWrappersStandaloneAndVet(t *testing.T) {
	t.Parallel()
	dir := sharedCopy(t, filepath.Join(root, "testdata", "crosspkg"))
	before := snapshot(t, dir)
	_, standalone, code := run(t, dir, bin, "-span-names", "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3 (findings):\n%s", code, standalone)
	}
	got := findings(dir, standalone)
	if a := inApp(got); !slices.Equal(a, crosspkgApp) {
		t.Errorf("app/app.go:\n got %s\nwant %s", strings.Join(a, "\n     "), strings.Join(crosspkgApp, "\n     "))
	}
	for _, want := range []string{
		`svc/svc.go:16:34: hard-coded attribute key "image.ref": use telemetry.ImageRefKey`, // tr.Attribute
		`svc/svc.go:17:16: hard-coded attribute key "svc.mode": no constant defines it`,     // obs.Tag, through tr.Attribute
		`svc/svc.go:18:18: hard-coded event name "svc.served": no constant defines it`,      // obs.Event, through (*tr.Span).AddEvent
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %s in:\n%s", want, standalone)
		}
	}

	printed, stderr, code := run(t, dir, bin, "-span-names", "-print-key-funcs", "./...")
	if code != 0 || strings.TrimSpace(printed) != crosspkgWrappers || stderr != "" {
		t.Fatalf("-print-key-funcs: exit %d, printed\n%s\nwant\n%s\nstderr:\n%s", code, printed, crosspkgWrappers, stderr)
	}
	// Pasted back, the value is printed again as it was.
	again, _, _ := run(t, dir, bin, "-span-names", "-key-funcs="+crosspkgWrappers, "-print-key-funcs", "./...")
	if strings.TrimSpace(again) != crosspkgWrappers {
		t.Errorf("-print-key-funcs with its own value printed\n%s", again)
	}
	// The user's own entries are part of the value to paste.
	printed, stderr, code = run(t, dir, bin, "-key-funcs=example.com/crosspkg-wrapper/obs.Label:0", "-print-key-funcs", "./...")
	if !strings.HasPrefix(printed, "example.com/crosspkg-wrapper/obs.Label:0,(*example.com/crosspkg-wrapper/tr.Rec).Key:0,") || strings.Contains(printed, ":span") {
		t.Errorf("-print-key-funcs with -key-funcs and no -span-names: exit %d, printed %s; stderr:\n%s", code, printed, stderr)
	}

	_, vet, code := run(t, dir, "go", "vet", "-vettool="+bin, "-span-names", "-key-funcs="+crosspkgWrappers, "./...")
	if v := findings(dir, vet); !slices.Equal(v, got) {
		t.Errorf("go vet with the printed -key-funcs (exit %d) and standalone differ\nstandalone:\n%s\ngo vet:\n%s", code, strings.Join(got, "\n"), vet)
	}
	_, vet, _ = run(t, dir, "go", "vet", "-vettool="+bin, "-span-names", "./app")
	if v := findings(dir, vet); len(v) != 0 {
		t.Errorf("go vet without -key-funcs reported %s", strings.Join(v, "\n"))
	}
	sameFiles(t, before, snapshot(t, dir))
}

// A -key-funcs entry of the span kind reports the span names passed to
// the function, even without -span-names (the entry asks for them).
func TestKeyFuncsSpanKind(t *testing.T) {
	t.Parallel()
	dir := sharedCopy(t, filepath.Join(root, "testdata", "crosspkg"))
	_, stderr, code := run(t, dir, bin, "-key-funcs=example.com/crosspkg-wrapper/tr.StartSpan:1:span", "./app")
	if want := `app/app.go:10:33: hard-coded span name "app.pull": no constant defines it`; code != 3 || !slices.Contains(findings(dir, stderr), want) {
		t.Errorf("exit %d, want 3 and %s:\n%s", code, want, stderr)
	}
	_, stderr, code = run(t, dir, bin, "./...")
	if code != 3 || strings.Contains(stderr, "span name") {
		t.Errorf("without the entry or -span-names: exit %d, and a span name reported:\n%s", code, stderr)
	}
	_, stderr, code = run(t, dir, bin, "-key-funcs=example.com/crosspkg-wrapper/tr.StartSpan:1:spans", "./app")
	if want := `spanattrlint: -key-funcs: "example.com/crosspkg-wrapper/tr.StartSpan:1:spans": KIND "spans" is not key, event or span`; code != 1 || !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, want 1 and one line starting %s:\n%s", code, want, stderr)
	}
	_, stderr, code = run(t, dir, bin, "-key-funcs=example.com/crosspkg-wrapper/tr.StartSpan:0:span", "./app")
	if want := `spanattrlint: -key-funcs: example.com/crosspkg-wrapper/tr.StartSpan:0:span: argument 0 of example.com/crosspkg-wrapper/tr.StartSpan is a context.Context, not a string`; code != 1 || strings.TrimSpace(stderr) != want {
		t.Errorf("exit %d, want 1 and %s:\n%s", code, want, stderr)
	}
}

// -fix applies the fixes of the sites written through the wrappers, and
// the module still builds and vets; gen makes constants for the rest and
// rewrites every call site of the wrappers, and then only the key that the
// semantic conventions name is left.
func TestCrossPackageWrappersFixAndGen(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds a module")
	}
	dir := copyCrosspkg(t)
	if _, stderr, code := run(t, dir, bin, "-span-names", "-fix", "./..."); code != 0 {
		t.Fatalf("-fix: exit %d:\n%s", code, stderr)
	}
	svc, _ := os.ReadFile(filepath.Join(dir, "svc", "svc.go"))
	if !strings.Contains(string(svc), "tr.Attribute(string(telemetry.ImageRefKey), ref)") {
		t.Errorf("-fix did not rewrite tr.Attribute(\"image.ref\", ref):\n%s", svc)
	}
	buildsAndVets(t, dir)

	stdout, stderr, code := run(t, dir, bin, "gen", "-span-names", "-into=./internal/keys", "./...")
	if code != 0 {
		t.Fatalf("gen: exit %d:\n%s%s", code, stdout, stderr)
	}
	app, _ := os.ReadFile(filepath.Join(dir, "app", "app.go"))
	for _, want := range []string{
		"tr.StartSpan(ctx, keys.AppPullSpan)",
		"tr.Attribute(string(telemetry.ImageRefKey), ref)", // the constant that svc already uses
		"span.AddEvent(keys.AppPulledEvent, tr.Attribute(string(keys.AppLayersKey), n))",
	} {
		if !strings.Contains(string(app), want) {
			t.Errorf("gen did not write %s in app/app.go:\n%s", want, app)
		}
	}
	svc, _ = os.ReadFile(filepath.Join(dir, "svc", "svc.go"))
	for _, want := range []string{`obs.Tag(span, string(keys.SvcModeKey), mode)`, `obs.Event(span, keys.SvcServedEvent)`, `tr.StartSpan(ctx, keys.SvcServeSpan)`, `(*tr.Span).AddEvent(span, keys.SvcExprEvent)`} {
		if !strings.Contains(string(svc), want) {
			t.Errorf("gen did not write %s in svc/svc.go:\n%s", want, svc)
		}
	}
	buildsAndVets(t, dir)
	_, stderr, _ = run(t, dir, bin, "-span-names", "./app", "./svc")
	for _, f := range findings(dir, stderr) {
		if !strings.Contains(f, `"container.id"`) {
			t.Errorf("left after gen: %s", f)
		}
	}
}

// gen takes -key-funcs: an entry that does not parse is one line, and
// nothing is written.
func TestGenKeyFuncs(t *testing.T) {
	t.Parallel()
	// Its own copy: gen -dry-run puts the constants file on disk while it
	// computes the fixes.
	dir := copyCrosspkg(t)
	before := snapshot(t, dir)
	_, stderr, code := run(t, dir, bin, "gen", "-into=./internal/keys", "-key-funcs=example.com/crosspkg-wrapper/obs.Label", "./...")
	if want := `spanattrlint gen: -key-funcs: "example.com/crosspkg-wrapper/obs.Label": no :ARG after the function`; code != 1 || !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, want 1 and one line starting %s:\n%s", code, want, stderr)
	}
	// obs.Label's argument is a value: named as a key, its call in svc is
	// one more site, which gen gives a constant.
	stdout, stderr, code := run(t, dir, bin, "gen", "-dry-run", "-into=./internal/keys", "-key-funcs=example.com/crosspkg-wrapper/obs.Label:0", "./...")
	if code != 0 || !strings.Contains(stdout, `"value, not a key"`) {
		t.Errorf("gen -dry-run -key-funcs: exit %d:\n%s%s", code, stdout, stderr)
	}
	sameFiles(t, before, snapshot(t, dir))
}

func buildsAndVets(t *testing.T, dir string) {
	t.Helper()
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		if stdout, stderr, code := run(t, dir, "go", args...); code != 0 {
			t.Fatalf("go %v: exit %d\n%s%s", args, code, stdout, stderr)
		}
	}
	if out, _, _ := run(t, dir, "gofmt", "-l", "."); out != "" {
		t.Errorf("not gofmt-clean:\n%s", out)
	}
}

// -print-key-funcs prints nothing when a package does not type-check (it
// may declare a wrapper), says why, and exits 1.
func TestPrintKeyFuncsBrokenPackage(t *testing.T) {
	t.Parallel()
	dir := sharedFixmod(t)
	stdout, stderr, code := run(t, dir, bin, "-print-key-funcs", "./partial", "./svc")
	if code != 1 || stdout != "" || !strings.Contains(stderr, "spanattrlint: -print-key-funcs printed nothing: package example.com/fixmod/partial") {
		t.Errorf("exit %d, stdout %q, want 1 and nothing; stderr:\n%s", code, stdout, stderr)
	}
}
