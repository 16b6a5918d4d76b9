// Package fixes merges the suggested fixes of a run into one set of edits
// per file, applies them in memory, gofmt-checks the result and writes
// every file or none. The command's -fix and spanattrlint gen share it.
//
// It is spanattrlint's own because golang.org/x/tools/go/analysis offers no
// applier with those guarantees: its drivers' -fix (driverutil.ApplyFixes,
// internal to x/tools) writes file after file with os.WriteFile, goes on
// past a file it could not write (a failed run leaves the others written),
// writes a file that no longer formats as it is, and a crash mid-write
// truncates a file. Here a fix is accepted whole or not at all (Set.Add,
// which counts what it left), every file is computed and gofmt-checked
// before any is written, every file is checked writable first, each write
// is atomic (a temporary file renamed over the old one, WriteFileAtomic),
// and a failure or a signal undoes the writes already made (Journal). The
// unified diff that -diff prints is not its own: Unified is go-udiff's.
package fixes

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"slices"
	"sort"
)

// An Edit replaces the bytes [Start, End) of a file with Text.
type Edit struct {
	Start, End int
	Text       string
}

// overlaps reports whether two edits touch the same text, or one inserts
// strictly inside the other's range. Two insertions at one place do not
// conflict: they are applied in the order they were accepted (imports
// added by fixes of different packages land at the same place, and gofmt
// sorts them).
func (e Edit) overlaps(o Edit) bool {
	return e.Start < o.End && o.Start < e.End
}

func compareEdits(a, b Edit) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
}

// A FileEdit is an edit of the named file, which had Size bytes when the
// analysis read it.
type FileEdit struct {
	File string
	Size int
	Edit
}

// A File is the accepted edits of one file.
type File struct {
	Name  string // as the analysis saw it (absolute)
	Size  int    // as the analysis saw it
	Fixes int    // accepted fixes that touch it

	edits []Edit // sorted by (Start, End); equal keys in the order accepted
	seen  map[Edit]bool
}

// Edits returns the accepted edits in order of position.
func (f *File) Edits() []Edit { return f.edits }

// has reports whether e is accepted already.
func (f *File) has(e Edit) bool { return f.seen[e] }

// conflicts reports whether e overlaps an accepted edit. The accepted
// edits overlap none of one another, so only those that start before e
// ends, back to the first that ends at or before e starts, can overlap it.
func (f *File) conflicts(e Edit) bool {
	i := sort.Search(len(f.edits), func(i int) bool { return f.edits[i].Start >= e.End })
	for k := i - 1; k >= 0; k-- {
		o := f.edits[k]
		if o.overlaps(e) {
			return true
		}
		if o.End <= e.Start && o.Start < e.Start {
			break
		}
	}
	return false
}

func (f *File) insert(e Edit) {
	// After every edit that sorts equal, to keep the order of acceptance.
	i := sort.Search(len(f.edits), func(i int) bool { return compareEdits(f.edits[i], e) > 0 })
	f.edits = slices.Insert(f.edits, i, e)
	f.seen[e] = true
}

// covered reports whether [start, end) lies within one accepted edit's
// replaced range: the text there is gone.
func (f *File) covered(start, end int) bool {
	i := sort.Search(len(f.edits), func(i int) bool { return f.edits[i].Start > start })
	for k := i - 1; k >= 0; k-- {
		o := f.edits[k]
		if o.Start <= start && end <= o.End && o.Start < o.End {
			return true
		}
		if o.End <= start && o.Start < start {
			break
		}
	}
	return false
}

// Outcome is what Add did with a fix.
type Outcome int

const (
	Applied    Outcome = iota // at least one of its edits is new
	Merged                    // every edit is identical to an accepted one
	Overlapped                // an edit overlaps an accepted one: skipped whole
)

// A Set collects fixes: the first fix of each finding, in a deterministic
// order. An edit identical to an accepted one merges with it (a package and
// its test variant report the same finding; the fixes of one file share
// their import edits); a fix with an edit that overlaps an accepted one is
// skipped whole.
type Set struct {
	Files map[string]*File

	Applied    int // fixes with a new edit
	Merged     int // fixes all of whose edits were accepted already
	Superseded int // overlapping fixes whose finding an accepted edit rewrote
	Skipped    int // overlapping fixes whose finding is still there
}

// Add adds a fix. Its finding's range, [findStart, findEnd) of file
// findFile, tells an overlapping fix whose finding an accepted edit has
// rewritten (nothing is left of it) from one whose finding stays.
func (s *Set) Add(edits []FileEdit, findFile string, findStart, findEnd int) Outcome {
	if s.Files == nil {
		s.Files = map[string]*File{}
	}
	// A fix whose own edits overlap cannot be applied (the checker
	// rejects such fixes; this keeps the accepted edits disjoint anyway).
	for i, x := range edits {
		for _, y := range edits[:i] {
			if x.File == y.File && x.Edit != y.Edit && x.overlaps(y.Edit) {
				s.Skipped++
				return Overlapped
			}
		}
	}
	fresh := false
	for _, x := range edits {
		f := s.Files[x.File]
		if f == nil {
			fresh = true
			continue
		}
		if f.has(x.Edit) {
			continue
		}
		if f.conflicts(x.Edit) {
			if ff := s.Files[findFile]; ff != nil && ff.covered(findStart, findEnd) {
				s.Superseded++
			} else {
				s.Skipped++
			}
			return Overlapped
		}
		fresh = true
	}
	if !fresh {
		s.Merged++
		return Merged
	}
	touched := map[*File]bool{}
	for _, x := range edits {
		f := s.Files[x.File]
		if f == nil {
			f = &File{Name: x.File, Size: x.Size, seen: map[Edit]bool{}}
			s.Files[x.File] = f
		}
		if !f.has(x.Edit) {
			f.insert(x.Edit)
			touched[f] = true
		}
	}
	for f := range touched {
		f.Fixes++
	}
	s.Applied++
	return Applied
}

// Splice applies non-overlapping edits to src, in order of position;
// insertions at one place keep the order they are given in.
func Splice(src []byte, edits []Edit) []byte {
	if !slices.IsSortedFunc(edits, compareEdits) {
		edits = slices.Clone(edits)
		slices.SortStableFunc(edits, compareEdits)
	}
	n := len(src)
	for _, e := range edits {
		n += len(e.Text) - (e.End - e.Start)
	}
	b := bytes.NewBuffer(make([]byte, 0, n))
	last := 0
	for _, e := range edits {
		b.Write(src[last:e.Start])
		b.WriteString(e.Text)
		last = e.End
	}
	b.Write(src[last:])
	return b.Bytes()
}

// A Change is a file's old and new content.
type Change struct {
	Name     string
	Old, New []byte
}

// Apply reads each file with read, checks that it still has the size the
// analysis saw, applies its edits and formats the result. A file that no
// longer parses fails the whole set; files whose content does not change
// are left out. The changes are sorted by name. display names a file in
// an error.
func Apply(s *Set, read func(string) ([]byte, error), display func(string) string) ([]Change, error) {
	names := make([]string, 0, len(s.Files))
	for name := range s.Files {
		names = append(names, name)
	}
	slices.Sort(names)
	var out []Change
	for _, name := range names {
		f := s.Files[name]
		src, err := read(name)
		if err != nil {
			return nil, err
		}
		if len(src) != f.Size {
			return nil, fmt.Errorf("%s changed while spanattrlint ran (%d bytes, was %d)", display(name), len(src), f.Size)
		}
		formatted, err := format.Source(Splice(src, f.edits))
		if err != nil {
			return nil, fmt.Errorf("%s does not parse after the fixes: %v", display(name), firstLine(err.Error()))
		}
		if !bytes.Equal(formatted, src) {
			out = append(out, Change{Name: name, Old: src, New: formatted})
		}
	}
	return out, nil
}

func firstLine(s string) string {
	if i := bytes.IndexByte([]byte(s), '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
