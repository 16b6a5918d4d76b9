package fixes

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

func TestJournal(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.go")
	os.WriteFile(old, []byte("old"), 0o600)
	before := testsupport.Snapshot(t, dir)
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
	after := testsupport.Snapshot(t, dir)
	for _, c := range testsupport.Changed(before, after) {
		t.Errorf("undo left %s", c)
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

// A file that another process wrote after the journal (another run on the
// module, with the same content or not) is listed by Changed and left as
// that process wrote it by Undo; the journal's other files are undone.
func TestJournalLeavesOthersWrites(t *testing.T) {
	dir := t.TempDir()
	mine, theirs := filepath.Join(dir, "mine.go"), filepath.Join(dir, "pkg", "theirs.go")
	os.WriteFile(mine, []byte("old"), 0o644)
	j := &Journal{}
	if err := j.Write(mine, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := j.Write(theirs, []byte("same")); err != nil {
		t.Fatal(err)
	}
	if got := j.Changed(); len(got) != 0 {
		t.Fatalf("Changed = %q before anyone else wrote", got)
	}
	// The other run writes the same bytes, as its own file.
	if err := WriteFileAtomic(theirs, []byte("same"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := j.Changed(); len(got) != 1 || got[0] != theirs {
		t.Errorf("Changed = %q, want [%s]", got, theirs)
	}
	if err := j.Undo(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(mine); string(b) != "old" {
		t.Errorf("mine.go = %q, want it undone", b)
	}
	if b, err := os.ReadFile(theirs); err != nil || string(b) != "same" {
		t.Errorf("the other's file = %q, %v; want it left", b, err)
	}
}
