package gen

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// The first run of gen in a fresh copy of testdata/gen compiles every
// package of it again (the go command keys compiled packages on their
// directory), which costs about as much as the run. The tests that must
// leave the module as it was share one copy, which each checks with a
// snapshot: the serial ones (that write the constants file for a while,
// as -dry-run and the runs failed on purpose through hooks do) one after another,
// then the parallel ones that are refused before anything is written.

var (
	sharedOnce sync.Once
	sharedDir  string // under sharedRoot
	sharedErr  error
	sharedRoot string // removed by TestMain
	// sharedRelease removes and unlocks sharedRoot when it is a stable
	// directory (testsupport.StableDir), which keeps what the go command
	// compiles there in the build cache for the next run.
	sharedRelease func()
)

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedRelease != nil {
		sharedRelease()
	} else if sharedRoot != "" {
		os.RemoveAll(sharedRoot)
	}
	os.Exit(code)
}

// sharedModule returns the copy of testdata/gen shared by the tests that
// leave it unchanged.
func sharedModule(t *testing.T) string {
	t.Helper()
	sharedOnce.Do(func() {
		var release func()
		if sharedRoot, release, sharedErr = testsupport.StableDir("shared"); sharedErr == nil {
			sharedRelease = release
		} else if sharedRoot, sharedErr = os.MkdirTemp("", "spanattrlint-gen"); sharedErr != nil {
			return
		}
		sharedDir = filepath.Join(sharedRoot, "m")
		sharedErr = os.CopyFS(sharedDir, os.DirFS(testdata))
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedDir
}
