package testsupport

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
)

// The go command keys the packages it compiles on their directory, so the
// first build in a fresh temporary copy of a module compiles every package
// of it again, and a rerun of the suite pays for that in every test that
// copies one. Copies therefore live at a path fixed by the test binary and
// the test's name, under os.TempDir(); a rerun finds what it compiles in
// the build cache. Each such directory is emptied before use and removed
// after it, and held with a lock meanwhile: when it cannot be had (two runs
// of one suite at once, a system without locks, a stale directory that
// cannot be removed), the copy goes to a fresh temporary directory, as
// before.

// StableDir returns an empty directory at a path fixed by key, locked by
// this process until release is called, which removes it. Keys name a
// directory below the suite's root; tests use Copy, which derives the key
// from the test.
func StableDir(key string) (dir string, release func(), err error) {
	root := filepath.Join(os.TempDir(), fmt.Sprintf("spanattrlint-test-%d", os.Getuid()), filepath.Base(os.Args[0]))
	dir = filepath.Join(root, unsafeChars.ReplaceAllString(key, "_"))
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", nil, err
	}
	unlock, err := lockFile(dir + ".lock")
	if err != nil {
		return "", nil, err
	}
	if err := os.RemoveAll(dir); err != nil {
		unlock()
		return "", nil, err
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		unlock()
		return "", nil, err
	}
	return dir, func() {
		os.RemoveAll(dir)
		unlock()
	}, nil
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

// errNoLock is lockFile's error where files cannot be locked.
var errNoLock = errors.New("no file locks here")

var (
	copiesMu sync.Mutex
	copies   = map[string]int{} // copies made by each test so far
)

// copyDir returns the directory for the next copy that t makes: a stable
// one if it can be had, else t.TempDir().
func copyDir(t testing.TB) string {
	copiesMu.Lock()
	n := copies[t.Name()]
	copies[t.Name()]++
	copiesMu.Unlock()
	dir, release, err := StableDir(fmt.Sprintf("%s#%d", t.Name(), n))
	if err != nil {
		return t.TempDir()
	}
	t.Cleanup(release)
	return dir
}
