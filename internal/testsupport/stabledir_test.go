//go:build unix

package testsupport

import (
	"os"
	"path/filepath"
	"testing"
)

// A stable directory has the same path every time, is empty when taken
// (whatever an earlier run left there), cannot be taken twice at once,
// and is gone once released; Copy falls back to a temporary directory
// while it is held elsewhere.
func TestStableDir(t *testing.T) {
	key := "TestStableDir-" + t.Name()
	dir, release, err := StableDir(key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "left"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := StableDir(key); err == nil {
		t.Fatal("the directory was taken twice at once")
	}
	release()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("released directory still there: %v", err)
	}

	// What a crashed run leaves is emptied.
	if err := os.MkdirAll(filepath.Join(dir, "stale"), 0o755); err != nil {
		t.Fatal(err)
	}
	again, release, err := StableDir(key)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if again != dir {
		t.Errorf("second path %s, first %s", again, dir)
	}
	if entries, _ := os.ReadDir(again); len(entries) != 0 {
		t.Errorf("not empty when taken: %v", entries)
	}

	// Copy's directory for this test's first copy is held by a sibling
	// test: it copies into a temporary directory instead.
	t.Run("copy", func(t *testing.T) {
		held, releaseHeld, err := StableDir(t.Name() + "#0")
		if err != nil {
			t.Fatal(err)
		}
		defer releaseHeld()
		src := t.TempDir()
		os.WriteFile(filepath.Join(src, "go.mod"), []byte("module m\n"), 0o644)
		got := Copy(t, src)
		if got == held {
			t.Fatal("Copy used a directory another holder has")
		}
		if data, err := os.ReadFile(filepath.Join(got, "go.mod")); err != nil || string(data) != "module m\n" {
			t.Errorf("copy: %q, %v", data, err)
		}
		if second := Copy(t, src); second == got || filepath.Dir(second) != filepath.Dir(held) {
			t.Errorf("second copy in %s, want a stable directory beside %s", second, held)
		}
	})
}
