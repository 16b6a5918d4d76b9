package fixes

import (
	"os"
	"path/filepath"
	"testing"
)

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && p != dir {
			b, _ := os.ReadFile(p)
			files[p] = string(b)
		}
		return nil
	})
	return files
}

func TestJournal(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.go")
	os.WriteFile(old, []byte("old"), 0o600)
	before := snapshot(t, dir)
	j := &Journal{}
	if err := j.Write(old, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := j.Write(filepath.Join(dir, "a", "b", "new.go"), []byte("x")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(old); string(b) != "new" {
		t.Fatalf("not written: %q", b)
	}
	if err := j.Undo(); err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, dir)
	if len(after) != len(before) {
		t.Errorf("undo left %v, want %v", after, before)
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("undo left %s = %q", k, after[k])
		}
	}
	if fi, _ := os.Stat(old); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode())
	}
	j.Close()
	if err := j.Write(old, []byte("late")); err == nil {
		t.Error("write after close succeeded")
	}
}

// A symbolic link is written through: the file it names changes, the
// link stays a link.
func TestJournalWritesThroughLinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.go")
	link := filepath.Join(dir, "link.go")
	os.WriteFile(real, []byte("old"), 0o644)
	if err := os.Symlink("real.go", link); err != nil {
		t.Skip(err)
	}
	var j Journal
	if err := j.Write(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi, err)
	}
	if b, _ := os.ReadFile(real); string(b) != "new" {
		t.Errorf("real.go = %q", b)
	}
}
