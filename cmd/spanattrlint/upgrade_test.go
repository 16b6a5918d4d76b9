package main_test

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// TestUpgradeModule moves testdata/upgrade, a module on semconv v1.20.0,
// v1.21.0 and v1.24.0 (two of them in one file), to v1.26.0 with one
// -semconv-version -fix run, and checks what a user would: the module is
// gofmt-clean, builds, vets and its tests pass, and the attributes its
// packages build (cmd/keys prints them) are the same, or, with
// -migrate-deprecated, differ exactly by the keys the conventions renamed.
func TestUpgradeModule(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds and tests a module")
	}
	const target = "v1.26.0"
	for _, migrate := range []bool{false, true} {
		t.Run(map[bool]string{false: "same-keys", true: "migrate-deprecated"}[migrate], func(t *testing.T) {
			t.Parallel()
			dir := testsupport.Copy(t, filepath.Join(root, "testdata", "upgrade"))
			keys := func() []string {
				t.Helper()
				out, stderr, code := run(t, dir, "go", "run", "./cmd/keys")
				if code != 0 {
					t.Fatalf("go run ./cmd/keys: exit %d\n%s", code, stderr)
				}
				return strings.Split(strings.TrimSpace(out), "\n")
			}
			before := keys()
			oldImports := versionsImported(t, dir)
			if len(oldImports) < 3 {
				t.Fatalf("the module imports %v, want three older versions", oldImports)
			}

			args := []string{"-semconv-version=" + target, "-fix"}
			if migrate {
				args = append(args, "-migrate-deprecated")
			}
			if _, stderr, code := run(t, dir, bin, append(args, "./...")...); code != 0 {
				t.Fatalf("%v: exit %d\n%s", args, code, stderr)
			}
			if out, _, _ := run(t, dir, "gofmt", "-l", "."); out != "" {
				t.Errorf("not gofmt-clean after -fix:\n%s", out)
			}
			for _, a := range [][]string{{"build", "./..."}, {"vet", "./..."}, {"test", "-count=1", "./..."}} {
				if stdout, stderr, code := run(t, dir, "go", a...); code != 0 {
					t.Fatalf("go %v after -fix: exit %d\n%s%s", a, code, stdout, stderr)
				}
			}
			after := keys()

			// What is left: without -migrate-deprecated, exactly the files
			// whose renamed keys keep them on their version.
			_, left, _ := run(t, dir, bin, "-semconv-version="+target, "-deprecated=false", "./...")
			var leftFiles []string
			for _, m := range regexp.MustCompile(`(?m)^\S*/(\w+/\w+\.go):\d+:\d+: semconv v[\d.]+ is imported here`).FindAllStringSubmatch(left, -1) {
				leftFiles = append(leftFiles, m[1])
			}
			if !migrate {
				if !slices.Equal(before, after) {
					t.Errorf("the attributes changed:\nbefore %q\nafter  %q", before, after)
				}
				if want := []string{"db/query.go", "httpapi/renamed.go"}; !slices.Equal(leftFiles, want) {
					t.Errorf("left on old versions: %q, want %q (the files with renamed keys)\n%s", leftFiles, want, left)
				}
				return
			}
			if len(leftFiles) != 0 {
				t.Errorf("left on old versions with -migrate-deprecated: %q\n%s", leftFiles, left)
			}
			if v := versionsImported(t, dir); !slices.Equal(v, []string{target}) {
				t.Errorf("after the move the module imports %v, want only %s", v, target)
			}
			// Every attribute is the same, or its key is the one the
			// conventions renamed the old key to, with the same value.
			if len(before) != len(after) {
				t.Fatalf("%d attributes before, %d after", len(before), len(after))
			}
			renamed := 0
			afterSet := map[string]bool{}
			for _, a := range after {
				afterSet[a] = true
			}
			for _, b := range before {
				if afterSet[b] {
					continue
				}
				fn, kv, _ := strings.Cut(b, ": ")
				key, value, _ := strings.Cut(kv, "=")
				d, ok := semconvtab.LookupDeprecated(key)
				if !ok || d.Reason != "renamed" || !afterSet[fn+": "+d.RenamedTo+"="+value] {
					t.Errorf("%q is not in the attributes after the move, nor under a renamed key (%+v)", b, d)
					continue
				}
				renamed++
			}
			if renamed != 4 {
				t.Errorf("%d attributes renamed, want the 4 of db/query.go and httpapi/renamed.go", renamed)
			}
		})
	}
}

// versionsImported returns the sorted semconv versions that dir's Go
// files import.
func versionsImported(t *testing.T, dir string) []string {
	t.Helper()
	out, stderr, code := run(t, dir, "go", "list", "-f", `{{join .Imports "\n"}}`, "./...")
	if code != 0 {
		t.Fatalf("go list: %s", stderr)
	}
	var vs []string
	for _, p := range strings.Fields(out) {
		if v, ok := strings.CutPrefix(p, semconvtab.BasePath+"/"); ok && !slices.Contains(vs, v) {
			vs = append(vs, v)
		}
	}
	slices.Sort(vs)
	return vs
}

// TestUpgradeUnderGoVet: go vet -vettool reports the same imports as the
// command, with the module's otel version read from go.mod there too.
func TestUpgradeUnderGoVet(t *testing.T) {
	t.Parallel()
	dir := sharedCopy(t, filepath.Join(root, "testdata", "upgrade"))
	before := snapshot(t, dir)
	imports := func(out string) []string {
		var got []string
		for _, line := range strings.Split(out, "\n") {
			if i := strings.Index(line, ": semconv v"); i >= 0 && strings.Contains(line, "(-semconv-version)") {
				file, _ := filepath.Rel(dir, strings.SplitN(line[:i], ":", 2)[0])
				if file == "" || strings.HasPrefix(file, "..") {
					file = strings.SplitN(line[:i], ":", 2)[0]
				}
				got = append(got, file+line[i:])
			}
		}
		slices.Sort(got)
		return got
	}
	_, standalone, _ := run(t, dir, bin, "-semconv-version=v1.26.0", "./...")
	_, vet, _ := run(t, dir, "go", "vet", "-vettool="+bin, "-semconv-version=v1.26.0", "./...")
	want, got := imports(standalone), imports(vet)
	if len(want) != 7 || !slices.Equal(got, want) {
		t.Errorf("go vet reports\n%s\nthe command (want 7)\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	sameFiles(t, before, snapshot(t, dir))
}
