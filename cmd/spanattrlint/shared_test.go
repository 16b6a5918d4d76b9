package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// A fresh copy of a module costs more than the runs on it: the go command
// keys what it compiles on the package's directory, so the first run in a
// copy compiles every package of the module it loads again. Tests that
// only read a module therefore share one copy per test binary; a test that
// writes to its module, or changes a mode, makes its own (copyTestdata,
// copyFixmod). A test on a shared copy that expects no file to change
// still checks it with a snapshot.

var (
	sharedMu sync.Mutex
	shared   = map[string]*sharedModule{}
	releases []func() // of the stable directories, called by TestMain
)

type sharedModule struct {
	once sync.Once
	dir  string
	err  string
}

// sharedCopy returns the copy of the module src shared by the tests that
// only read it, made on first use in a stable directory (or else beside
// the command's binary; removed by TestMain either way) and settled first: with -mod=mod the go command tidies a
// copied go.mod that needs it, which must not happen while tests run in it.
func sharedCopy(t *testing.T, src string) string {
	t.Helper()
	sharedMu.Lock()
	m := shared[src]
	if m == nil {
		m = &sharedModule{}
		shared[src] = m
	}
	sharedMu.Unlock()
	m.once.Do(func() {
		dir, release, err := testsupport.StableDir("shared/" + src)
		if err == nil {
			releases = append(releases, release)
		} else if dir, err = os.MkdirTemp(filepath.Dir(bin), "shared"); err != nil {
			m.err = err.Error()
			return
		}
		if err := os.CopyFS(filepath.Join(dir, "m"), os.DirFS(src)); err != nil {
			m.err = err.Error()
			return
		}
		m.dir = filepath.Join(dir, "m")
		cmd := exec.Command("go", "list", "-deps", "-test", "./...")
		cmd.Dir = m.dir
		cmd.Env = testsupport.OfflineEnv()
		if out, err := cmd.CombinedOutput(); err != nil {
			m.err = "go list in the shared copy of " + src + ": " + err.Error() + "\n" + string(out)
		}
	})
	if m.err != "" {
		t.Fatal(m.err)
	}
	return m.dir
}

// sharedTestdata is the shared copy of the testdata module, for tests that
// only read it.
func sharedTestdata(t *testing.T) string {
	t.Helper()
	return sharedCopy(t, filepath.Join(root, "testdata", "src"))
}

// sharedFixmod is the shared copy of testdata/fixmod, for tests that only
// read it.
func sharedFixmod(t *testing.T) string {
	t.Helper()
	return sharedCopy(t, filepath.Join("testdata", "fixmod"))
}
