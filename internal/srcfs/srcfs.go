// Package srcfs reads Go source files from disk, or from an overlay of
// files that are not written yet (file path -> contents, as
// go/packages.Config.Overlay and the go command's -overlay take them).
//
// spanattrlint gen computes a constants file and then has the analyzer
// read it as a -constants package before anything is written: with the
// file as an overlay, a -dry-run writes nothing, and a failed run has
// nothing to undo. A nil *FS is the disk alone.
package srcfs

import (
	"bytes"
	"go/build"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spanattrlint/spanattrlint/internal/modresolve"
)

// FS is the disk with an overlay of files on top: a file of the overlay
// hides the one on disk, and its directory exists, even if it does not on
// disk. It is not changed after New, and is safe for concurrent use.
type FS struct {
	files map[string][]byte // by clean absolute path
	dirs  map[string]bool   // every directory that holds an overlay file, and their parents
	tags  []string          // the build tags that select files (Build)
}

// New returns the disk with the overlay on top, whose files are selected
// with the build tags tags (as go build's -tags), or nil (the disk alone,
// the default build context) for an empty overlay and no tags. Paths are
// made absolute and clean; the contents are not copied, and must not
// change.
func New(overlay map[string][]byte, tags []string) *FS {
	if len(overlay) == 0 && len(tags) == 0 {
		return nil
	}
	f := &FS{files: map[string][]byte{}, dirs: map[string]bool{}, tags: tags}
	for name, src := range overlay {
		if abs, err := filepath.Abs(name); err == nil {
			name = abs
		}
		f.files[name] = src
		for d := filepath.Dir(name); !f.dirs[d]; d = filepath.Dir(d) {
			f.dirs[d] = true
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return f
}

// ReadFile reads a file, from the overlay if it holds it.
func (f *FS) ReadFile(name string) ([]byte, error) {
	if f != nil {
		if src, ok := f.files[filepath.Clean(name)]; ok {
			return src, nil
		}
	}
	return os.ReadFile(name)
}

// Source returns what go/parser.ParseFile takes as its src for name: the
// overlay's contents, or nil to read the file from disk.
func (f *FS) Source(name string) any {
	if f != nil {
		if src, ok := f.files[filepath.Clean(name)]; ok {
			return src
		}
	}
	return nil
}

// IsDir reports whether dir is a directory, on disk or of the overlay.
func (f *FS) IsDir(dir string) bool {
	if f != nil && f.dirs[filepath.Clean(dir)] {
		return true
	}
	fi, err := os.Stat(dir)
	return err == nil && fi.IsDir()
}

// Build returns build.Default reading through the overlay, with the
// FS's build tags: its ImportDir sees the overlay's files in their
// directories, and the files the tags select.
func (f *FS) Build() *build.Context {
	ctxt := build.Default
	if f == nil {
		return &ctxt
	}
	ctxt.BuildTags = slices.Concat(ctxt.BuildTags, f.tags)
	ctxt.IsDir = f.IsDir
	ctxt.OpenFile = func(name string) (io.ReadCloser, error) {
		if src, ok := f.files[filepath.Clean(name)]; ok {
			return io.NopCloser(bytes.NewReader(src)), nil
		}
		return os.Open(name)
	}
	ctxt.ReadDir = f.readDir
	return &ctxt
}

// readDir lists dir on disk, with the overlay's files in it added (or
// replacing those of the same name), sorted by name.
func (f *FS) readDir(dir string) ([]fs.FileInfo, error) {
	dir = filepath.Clean(dir)
	entries, err := os.ReadDir(dir)
	if err != nil && !f.dirs[dir] {
		return nil, err
	}
	byName := map[string]fs.FileInfo{}
	for _, e := range entries {
		if fi, err := e.Info(); err == nil {
			byName[fi.Name()] = fi
		}
	}
	for name, src := range f.files {
		if filepath.Dir(name) == dir {
			byName[filepath.Base(name)] = fileInfo{filepath.Base(name), int64(len(src))}
		}
	}
	for d := range f.dirs {
		if filepath.Dir(d) == dir && d != dir && byName[filepath.Base(d)] == nil {
			byName[filepath.Base(d)] = fileInfo{name: filepath.Base(d), size: -1}
		}
	}
	out := make([]fs.FileInfo, 0, len(byName))
	for _, fi := range byName {
		out = append(out, fi)
	}
	slices.SortFunc(out, func(a, b fs.FileInfo) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// PackageDirs is modresolve.PackageDirs (the directories that root/...
// may hold packages in) with the overlay's directories under root that
// the disk lacks, under the same rules.
func (f *FS) PackageDirs(root string) iter.Seq[string] {
	return func(yield func(string) bool) {
		seen := map[string]bool{}
		for d := range modresolve.PackageDirs(root) {
			seen[filepath.Clean(d)] = true
			if !yield(d) {
				return
			}
		}
		if f == nil {
			return
		}
		var extra []string
		for d := range f.dirs {
			if rel, err := filepath.Rel(root, d); err == nil && !seen[d] && rel != "." && !strings.HasPrefix(rel, "..") && walked(root, rel) {
				extra = append(extra, d)
			}
		}
		slices.Sort(extra)
		for _, d := range extra {
			if !yield(d) {
				return
			}
		}
	}
}

// walked reports whether the go command's root/... pattern would walk
// into root/rel: no element is testdata, vendor, or starts with "." or
// "_", and no directory on the way holds a nested module.
func walked(root, rel string) bool {
	d := root
	for _, name := range strings.Split(rel, string(filepath.Separator)) {
		if name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			return false
		}
		d = filepath.Join(d, name)
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return false
		}
	}
	return true
}

// fileInfo is an overlay file, or with size -1 a directory that only the
// overlay has.
type fileInfo struct {
	name string
	size int64
}

func (i fileInfo) Name() string { return i.name }
func (i fileInfo) Size() int64  { return max(i.size, 0) }
func (i fileInfo) Mode() fs.FileMode {
	if i.size < 0 {
		return fs.ModeDir | 0o755
	}
	return 0o644
}
func (i fileInfo) ModTime() time.Time { return time.Time{} }
func (i fileInfo) IsDir() bool        { return i.size < 0 }
func (i fileInfo) Sys() any           { return nil }

// GoflagsTags returns the build tags that a GOFLAGS value sets
// (-tags=a,b; the last one wins, as with the go command), for a driver
// that passes no tags of its own: go vet runs its tool with the go
// command's environment.
func GoflagsTags(goflags string) []string {
	var tags []string
	for _, f := range strings.Fields(goflags) {
		value, ok := strings.CutPrefix(strings.TrimLeft(f, "-"), "tags=")
		if !ok {
			continue
		}
		tags = nil
		for t := range strings.SplitSeq(value, ",") {
			if t = strings.TrimSpace(t); t != "" {
				tags = append(tags, t)
			}
		}
	}
	return tags
}
