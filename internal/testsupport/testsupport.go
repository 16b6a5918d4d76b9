// Package testsupport holds what the tests of several packages share:
// copies of testdata modules, snapshots of a directory tree, the offline
// environment of the go command and the splicing of text edits.
package testsupport

import (
	"cmp"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// Offline is what the tests add to the environment of the go command (and
// of spanattrlint, which runs it): no network, and go.mod may be updated
// as a user's go command would.
var Offline = []string{"GOPROXY=off", "GOFLAGS=-mod=mod"}

// OfflineEnv is the process's environment with Offline added.
func OfflineEnv() []string { return append(os.Environ(), Offline...) }

// SetOffline sets Offline in the process's environment for the rest of t.
func SetOffline(t testing.TB) {
	t.Helper()
	for _, kv := range Offline {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
}

// Copy copies src into an empty directory of t's, removed when t ends
// (see StableDir), and returns the directory: all of src, or only the
// named files and directories of it, at the same relative paths. Files
// are 0644 or 0755 whatever src has.
func Copy(t testing.TB, src string, paths ...string) string {
	t.Helper()
	dir := copyDir(t)
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for _, p := range paths {
		from, to := filepath.Join(src, p), filepath.Join(dir, p)
		fi, err := os.Stat(from)
		if err != nil {
			t.Fatal(err)
		}
		if fi.IsDir() {
			err = os.CopyFS(to, os.DirFS(from))
		} else {
			var data []byte
			if data, err = os.ReadFile(from); err == nil {
				if err = os.MkdirAll(filepath.Dir(to), 0o755); err == nil {
					err = os.WriteFile(to, data, 0o644)
				}
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Snapshot maps every file under dir to its content, and every directory
// below dir, with a trailing slash, to "".
func Snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir {
				files[p+string(filepath.Separator)] = ""
			}
			return nil
		}
		b, err := os.ReadFile(p)
		files[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// Changed returns, sorted, the paths whose content differs between two
// snapshots, each followed by what happened: " changed", " appeared" or
// " went".
func Changed(before, after map[string]string) []string {
	var out []string
	for p, old := range before {
		if now, ok := after[p]; !ok {
			out = append(out, p+" went")
		} else if now != old {
			out = append(out, p+" changed")
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			out = append(out, p+" appeared")
		}
	}
	slices.Sort(out)
	return out
}

// Edit replaces the bytes [Start, End) of a file with Text.
type Edit struct {
	Start, End int
	Text       string
}

// Splice applies edits to src as given, in order of position: identical
// edits (the same import added or removed by two fixes) count once; any
// other overlap, two different insertions at one offset included, is an
// error.
func Splice(src []byte, edits []Edit) ([]byte, error) {
	es := slices.Clone(edits)
	slices.SortStableFunc(es, func(a, b Edit) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	es = slices.Compact(es)
	var out []byte
	last := 0
	for i, e := range es {
		if e.Start < last || (i > 0 && e.Start == es[i-1].Start && e.Start == e.End && es[i-1].End == es[i-1].Start) {
			return nil, fmt.Errorf("overlapping edits at offset %d: %q", e.Start, e.Text)
		}
		if e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("edit %d-%d outside the %d bytes of the file", e.Start, e.End, len(src))
		}
		out = append(out, src[last:e.Start]...)
		out = append(out, e.Text...)
		last = e.End
	}
	return append(out, src[last:]...), nil
}

var cgoEnabled = sync.OnceValue(func() bool {
	out, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	return err == nil && strings.TrimSpace(string(out)) == "1"
})

// CgoEnabled reports whether the go command builds cgo packages here.
func CgoEnabled() bool { return cgoEnabled() }

// NeedCgo skips t where the go command cannot build cgo packages.
func NeedCgo(t *testing.T) {
	t.Helper()
	if !CgoEnabled() {
		t.Skip("cgo is not enabled")
	}
}

// WriteFiles writes files, by slash path, under dir, making the
// directories they need.
func WriteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
