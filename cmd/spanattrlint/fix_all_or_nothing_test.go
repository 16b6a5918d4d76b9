package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// Tests of -fix: every file or none, and a message that says what
// happened. They run on copies of testdata/fixmod, a module whose tracing
// package holds the constants; svc, partial, overlap and diffhunks come
// from the reproductions of issue 10.

const fixConstants = "-constants=example.com/fixmod/tracing"

// copyFixmod copies testdata/fixmod into a temporary directory.
func copyFixmod(t *testing.T) string {
	t.Helper()
	return testsupport.Copy(t, filepath.Join("testdata", "fixmod"))
}

// sameFiles fails t with every file that differs between two snapshots.
func sameFiles(t *testing.T, before, after map[string]string) {
	t.Helper()
	for _, c := range testsupport.Changed(before, after) {
		t.Errorf("%s although the run failed", c)
	}
}

// A package whose external test does not type-check fails the run, and
// the good package beside it is not rewritten either.
func TestFixChangesNothingWhenAPackageFails(t *testing.T) {
	t.Parallel()
	dir := sharedFixmod(t)
	before := snapshot(t, dir)
	_, stderr, code := run(t, dir, bin, fixConstants, "-fix", "./svc", "./partial")
	want := filepath.Join(dir, "partial", "partial_test.go") + `:3:18: cannot use "not an int" (untyped string constant) as int value in variable declaration` + "\n" +
		"spanattrlint: -fix changed no file: package example.com/fixmod/partial_test has errors\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d, want 1; stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	sameFiles(t, before, snapshot(t, dir))
}

// A read-only file stops the run before any file is written. The check
// is the file's permission bits, as an editor's, so it holds for root,
// whom the kernel would let write.
func TestFixChangesNothingWhenAFileIsReadOnly(t *testing.T) {
	t.Parallel()
	dir := copyFixmod(t)
	ro := filepath.Join(dir, "svc", "svc.go")
	if err := os.Chmod(ro, 0o444); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	_, stderr, code := run(t, dir, bin, fixConstants, "-fix", "./svc")
	want := "spanattrlint: -fix changed no file: svc/svc.go is not writable: read-only (mode -r--r--r--)\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d, want 1; stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	sameFiles(t, before, snapshot(t, dir))
	if fi, _ := os.Stat(ro); fi.Mode().Perm() != 0o444 {
		t.Errorf("mode of svc.go is %v", fi.Mode())
	}

	// Every file that would be written is checked, and counted.
	other := filepath.Join(dir, "svc", "other.go")
	os.Chmod(other, 0o400)
	_, stderr, code = run(t, dir, bin, fixConstants, "-fix", "./svc")
	want = "spanattrlint: -fix changed no file: svc/other.go is not writable: read-only (mode -r--------) (and 1 more file)\n"
	if code != 1 || stderr != want {
		t.Errorf("two read-only files: exit %d, want 1; stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	sameFiles(t, before, snapshot(t, dir))
	os.Chmod(other, 0o644)

	// Made writable, both files are fixed.
	os.Chmod(ro, 0o644)
	if _, stderr, code := run(t, dir, bin, fixConstants, "-fix", "./svc"); code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	for _, f := range []string{"svc.go", "other.go"} {
		if b, _ := os.ReadFile(filepath.Join(dir, "svc", f)); !strings.Contains(string(b), "tracing.OrderID") {
			t.Errorf("%s not fixed:\n%s", f, b)
		}
	}
}

// As a user who may not write a file that has write bits (another user's
// file), the kernel's answer counts: run as nobody when the test runs as
// root, as CI does, with the module vendored so that nobody needs no
// module cache, and a build cache that holds the export data nobody's run
// needs (see fillCache), so that nobody need not build the standard library.
func TestFixChangesNothingWhenAFileIsNotTheUsers(t *testing.T) {
	t.Parallel()
	if os.Getuid() != 0 {
		t.Skip("needs root to run the command as another user")
	}
	const nobody = 65534
	dir := copyFixmod(t)
	os.RemoveAll(filepath.Join(dir, "partial")) // does not compile
	os.RemoveAll(filepath.Join(dir, "broken"))
	os.RemoveAll(filepath.Join(dir, "user"))
	if _, stderr, code := run(t, dir, "go", "mod", "vendor"); code != 0 {
		t.Fatalf("go mod vendor: %s", stderr)
	}
	home := t.TempDir()
	for _, d := range []string{dir, home} {
		os.Chmod(d, 0o755)
		filepath.WalkDir(d, func(p string, _ os.DirEntry, err error) error {
			if err == nil {
				os.Lchown(p, nobody, nobody)
			}
			return nil
		})
	}
	// nofix.go is root's, with the usual mode 0644: nobody may not write it
	// (nofix imports only attribute, which keeps what nobody must build small).
	target := filepath.Join(dir, "nofix", "nofix.go")
	os.Chown(target, 0, 0)
	// The test's own temporary directories, and the binary's.
	for _, d := range []string{filepath.Dir(home), filepath.Dir(dir), filepath.Dir(bin)} {
		os.Chmod(d, 0o755)
	}
	for p := filepath.Dir(home); p != "/"; p = filepath.Dir(p) {
		if fi, err := os.Stat(p); err == nil && fi.Mode().Perm()&0o001 == 0 {
			t.Skipf("%s is not searchable by nobody", p)
		}
	}
	env := append(os.Environ(), "HOME="+home, "GOPATH="+filepath.Join(home, "go"),
		"GOFLAGS=-mod=vendor", "GOPROXY=off", "GOTOOLCHAIN=local")
	cache := filepath.Join(home, "cache")
	fillCache(t, dir, cache, env, "./nofix")
	for _, d := range []string{home, cache} {
		filepath.WalkDir(d, func(p string, _ os.DirEntry, err error) error {
			if err == nil {
				os.Lchown(p, nobody, nobody)
			}
			return nil
		})
	}
	before := snapshot(t, dir)
	cmd := exec.Command(bin, fixConstants, "-fix", "./nofix")
	cmd.Dir = dir
	cmd.Env = append(env, "GOCACHE="+cache)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	want := "spanattrlint: -fix changed no file: nofix/nofix.go is not writable: permission denied\n"
	if code := cmd.ProcessState.ExitCode(); code != 1 || string(out) != want {
		t.Errorf("exit %d (%v), want 1; output:\n%s\nwant:\n%s", code, err, out, want)
	}
	sameFiles(t, before, snapshot(t, dir))
}

// Two findings of one literal whose fixes overlap: one run of -fix leaves
// nothing fixable, exits 0 and does not ask for another run.
func TestFixOverlapIsCountedHonestly(t *testing.T) {
	t.Parallel()
	dir := copyFixmod(t)
	if _, _, code := run(t, dir, bin, fixConstants, "./overlap"); code != 3 {
		t.Fatalf("lint exit %d, want 3", code)
	}
	_, stderr, code := run(t, dir, bin, fixConstants, "-fix", "./overlap")
	if code != 0 || stderr != "" {
		t.Errorf("-fix: exit %d, want 0 and no message; stderr:\n%s", code, stderr)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "overlap", "overlap.go"))
	if !strings.Contains(string(got), "tracing.TypedKey") {
		t.Errorf("not fixed:\n%s", got)
	}
	if _, stderr, code := run(t, dir, bin, fixConstants, "./overlap"); code != 0 {
		t.Errorf("after -fix: exit %d, findings left:\n%s", code, stderr)
	}
}

// -fix -diff prints a unified diff that git apply accepts and that turns
// the files into what -fix writes; it changes nothing itself.
func TestFixDiffIsAUnifiedDiff(t *testing.T) {
	t.Parallel()
	dir := copyFixmod(t)
	before := snapshot(t, dir)
	patch, stderr, code := run(t, dir, bin, fixConstants, "-fix", "-diff", "./diffhunks", "./svc")
	if code != 0 {
		t.Fatalf("-fix -diff: exit %d:\n%s", code, stderr)
	}
	sameFiles(t, before, snapshot(t, dir))
	headers := regexp.MustCompile(`(?m)^@@ .* @@$`).FindAllString(patch, -1)
	want := []string{"@@ -8,10 +8,10 @@", "@@ -22,4 +22,4 @@"}
	if len(headers) < 2 || headers[0] != want[0] || headers[1] != want[1] {
		t.Errorf("hunk headers %q, want %q first:\n%s", headers, want, patch)
	}
	if !strings.HasPrefix(patch, "--- a/diffhunks/diffhunks.go\n+++ b/diffhunks/diffhunks.go\n") {
		t.Errorf("file headers:\n%s", patch)
	}

	fixed := copyFixmod(t)
	if _, stderr, code := run(t, fixed, bin, fixConstants, "-fix", "./diffhunks", "./svc"); code != 0 {
		t.Fatalf("-fix: exit %d:\n%s", code, stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "fix.patch"), []byte(patch), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, dir, "git", "apply", "--unidiff-zero", "fix.patch"); code != 0 {
		t.Fatalf("git apply: exit %d:\n%s\npatch:\n%s", code, stderr, patch)
	}
	for _, f := range []string{"diffhunks/diffhunks.go", "svc/svc.go", "svc/other.go"} {
		a, _ := os.ReadFile(filepath.Join(dir, f))
		b, _ := os.ReadFile(filepath.Join(fixed, f))
		if string(a) != string(b) {
			t.Errorf("%s: the patch gives\n%s\n-fix gives\n%s", f, a, b)
		}
	}
}

// fillCache copies into the empty build cache dst the entries of the
// running user's build cache that "go list -export -deps patterns" in dir
// uses with env: the action entries that GODEBUG=gocachehash=1 names and
// the outputs they point to. go list fills the user's cache first where it
// lacks them. Should the go command name its cache entries differently one
// day, the entries copied are not those used and the other user builds
// what it needs: slower, not wrong.
func fillCache(t *testing.T, dir, dst string, env []string, patterns ...string) {
	t.Helper()
	out, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	src := strings.TrimSpace(string(out))
	list := exec.Command("go", append([]string{"list", "-export", "-deps", "-compiled", "-pgo=off", "-f", "{{.Export}}"}, patterns...)...)
	list.Dir = dir
	list.Env = append(env, "GOCACHE="+src, "GODEBUG=gocachehash=1")
	var stderr strings.Builder
	list.Stderr = &stderr
	if err := list.Run(); err != nil {
		t.Fatalf("go list -export: %v\n%s", err, stderr.String())
	}
	copyEntry := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(src, name[:2], name))
		if err != nil {
			return nil
		}
		os.MkdirAll(filepath.Join(dst, name[:2]), 0o755)
		if err := os.WriteFile(filepath.Join(dst, name[:2], name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		return data
	}
	os.MkdirAll(dst, 0o755)
	copied := 0
	for _, id := range regexp.MustCompile(`\b[0-9a-f]{64}\b`).FindAllString(stderr.String(), -1) {
		// An action entry is "v1 <action ID> <output ID> <size> <time>".
		if f := strings.Fields(string(copyEntry(id + "-a"))); len(f) >= 3 && len(f[2]) == 64 {
			copyEntry(f[2] + "-d")
			copied++
		}
	}
	if copied == 0 {
		t.Logf("no build cache entries found in %s: the other user builds everything", src)
	}
}
