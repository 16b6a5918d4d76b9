package fixes

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/spanattrlint/spanattrlint/internal/interrupt"
)

// Writable reports why name cannot be rewritten in place, or nil. It asks
// what an editor asks: a file without any write permission bit is not to
// be written, even by root (whom the kernel would let), and the file and
// its directory (where the new content is written before it is renamed
// over the file) must be writable by this process.
func Writable(name string) error {
	fi, err := os.Stat(name)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("not a regular file")
	}
	if fi.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("read-only (mode %v)", fi.Mode().Perm())
	}
	if err := access(name); err != nil {
		return err
	}
	if err := access(filepath.Dir(name)); err != nil {
		return fmt.Errorf("its directory: %v", err)
	}
	return nil
}

// Target is the file that writing name replaces: name with every symbolic
// link resolved, so that a rename replaces the file a link points to, not
// the link.
func Target(name string) string {
	if t, err := filepath.EvalSymlinks(name); err == nil {
		return t
	}
	return name
}

// A Journal undoes the writes of a run that fails half way, or of a dry
// run that must write a file for a while.
type Journal struct {
	mu      sync.Mutex
	entries []journalEntry
	closed  bool
}

type journalEntry struct {
	name    string
	old     []byte      // nil: the file did not exist
	new     []byte      // what the journal wrote
	wrote   os.FileInfo // the file it wrote (nil: the write failed)
	mode    os.FileMode
	mkdirs  []string // directories created for it, deepest last
	existed bool
}

// Write replaces name's content, creating its directory if needed, and
// records how to undo it.
func (j *Journal) Write(name string, data []byte) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.closed {
		return errors.New("interrupted")
	}
	name = Target(name)
	e := journalEntry{name: name, mode: 0o644, new: data}
	if fi, err := os.Stat(name); err == nil {
		old, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		e.old, e.mode, e.existed = old, fi.Mode().Perm(), true
	}
	var missing []string
	for d := filepath.Dir(name); !exists(d); d = filepath.Dir(d) {
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	slices.Reverse(missing)
	for _, d := range missing {
		if err := os.Mkdir(d, 0o755); err != nil {
			j.entries = append(j.entries, e)
			return err
		}
		e.mkdirs = append(e.mkdirs, d)
	}
	j.entries = append(j.entries, e)
	if err := WriteFileAtomic(name, data, e.mode); err != nil {
		return err
	}
	// The file written, not only its content: another run that writes the
	// same content has still written it.
	j.entries[len(j.entries)-1].wrote, _ = os.Stat(name)
	return nil
}

// Close undoes everything and refuses any further write.
func (j *Journal) Close() {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.closed = true
	j.undoLocked()
}

// Undo restores every file the journal wrote, newest first.
func (j *Journal) Undo() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.undoLocked()
}

// Changed lists the files the journal wrote that no longer hold what it
// wrote: another process (another run on the module, an editor) wrote
// them since. Undo leaves those as they are.
func (j *Journal) Changed() []string {
	j.mu.Lock()
	defer j.mu.Unlock()
	var names []string
	for i, e := range j.entries {
		if j.latest(i) && !j.holds(e) {
			names = append(names, e.name)
		}
	}
	return names
}

// latest reports whether entry i is the journal's last write of its file.
func (j *Journal) latest(i int) bool {
	for _, e := range j.entries[i+1:] {
		if e.name == j.entries[i].name {
			return false
		}
	}
	return true
}

// holds reports whether e's file holds what the journal wrote into it.
func (j *Journal) holds(e journalEntry) bool {
	if e.wrote == nil {
		return false
	}
	if fi, err := os.Stat(e.name); err != nil || !os.SameFile(fi, e.wrote) || !fi.ModTime().Equal(e.wrote.ModTime()) {
		return false
	}
	cur, err := os.ReadFile(e.name)
	return err == nil && bytes.Equal(cur, e.new)
}

func (j *Journal) undoLocked() error {
	var errs []error
	for i := len(j.entries) - 1; i >= 0; i-- {
		e := j.entries[i]
		if !j.holds(e) {
			// Written since by someone else: theirs stays. (A later
			// write of the same file was undone before this one.)
			for k := len(e.mkdirs) - 1; k >= 0; k-- {
				os.Remove(e.mkdirs[k]) // only if still empty
			}
			continue
		}
		if e.existed {
			if err := WriteFileAtomic(e.name, e.old, e.mode); err != nil {
				errs = append(errs, err)
			}
		} else if err := os.Remove(e.name); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
		for k := len(e.mkdirs) - 1; k >= 0; k-- {
			os.Remove(e.mkdirs[k]) // only if still empty
		}
	}
	j.entries = nil
	return errors.Join(errs...)
}

// WriteFileAtomic writes through a temporary file in the same directory,
// renamed over name, so that a reader never sees half a file. The new
// file gets mode, and the old file's owner where this process may set it.
func WriteFileAtomic(name string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".spanattrlint-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr, os.Chmod(tmp.Name(), mode)); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	keepOwner(tmp.Name(), name)
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// UndoOnSignal undoes the journal and exits with status 130 when the
// process is interrupted, so that an interrupted run leaves nothing half
// written; prog names the program in the message. stop ends the watch.
// It joins the process's one handler (internal/interrupt), which also ends
// the go commands the run started.
func (j *Journal) UndoOnSignal(prog string) (stop func()) {
	return interrupt.Watch(prog, func() string {
		j.Close()
		return "interrupted; every change undone"
	})
}
