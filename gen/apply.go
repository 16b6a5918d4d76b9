package gen

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"golang.org/x/tools/go/packages"
)

type edit struct {
	start, end int
	text       string
}

// overlaps reports whether two edits touch the same text, or one inserts
// strictly inside the other's range. Two insertions at one place do not
// conflict: they are applied in the order they were accepted (imports
// added by fixes of different packages land at the same place, and gofmt
// sorts them).
func (e edit) overlaps(o edit) bool {
	return e.start < o.end && o.start < e.end
}

// fileFix is the accepted edits of one file.
type fileFix struct {
	name   string // absolute
	size   int    // as the analysis saw it
	edits  []edit
	counts int // accepted fixes that touch it
}

// mergeFixes takes the first suggested fix of every hard-coded finding, in
// package order: an edit identical to one already accepted merges with it (a
// package and its test variant report the same finding, and the fixes of
// one file share their import edits); a fix with an edit overlapping an
// accepted one is skipped whole. It returns the files to change and the
// number of fixes taken, skipped for an overlap, and left alone because
// they would edit a file outside the main module.
func mergeFixes(results []pkgResult, mod *module) (files map[string]*fileFix, rewrites, skipped, outside int) {
	files = map[string]*fileFix{}
	for _, r := range results {
		for _, d := range r.diags {
			// Only the replacements of hard-coded strings by constants of
			// the same value: other checks' fixes (renaming a deprecated
			// key with -migrate-deprecated) would change the telemetry.
			if len(d.SuggestedFixes) == 0 || d.Category != "" && d.Category != "hard-coded" {
				continue
			}
			type fe struct {
				file string
				e    edit
				size int
			}
			var edits []fe
			ok := true
			for _, te := range d.SuggestedFixes[0].TextEdits {
				tf := r.pkg.Fset.File(te.Pos)
				if tf == nil {
					ok = false
					break
				}
				end := te.End
				if !end.IsValid() {
					end = te.Pos
				}
				if _, in := mod.rel(tf.Name()); !in {
					ok = false // never edit the module cache or GOROOT
					break
				}
				edits = append(edits, fe{tf.Name(), edit{tf.Offset(te.Pos), tf.Offset(end), string(te.NewText)}, tf.Size()})
			}
			if !ok || len(edits) == 0 {
				outside++
				continue
			}
			fresh := 0
			for _, x := range edits {
				ff := files[x.file]
				if ff == nil {
					continue
				}
				if slices.Contains(ff.edits, x.e) {
					continue
				}
				if slices.ContainsFunc(ff.edits, x.e.overlaps) {
					ok = false
					break
				}
			}
			if !ok {
				skipped++
				continue
			}
			touched := map[string]bool{}
			for _, x := range edits {
				ff := files[x.file]
				if ff == nil {
					ff = &fileFix{name: x.file, size: x.size}
					files[x.file] = ff
				}
				if !slices.Contains(ff.edits, x.e) {
					ff.edits = append(ff.edits, x.e)
					fresh++
					touched[x.file] = true
				}
			}
			if fresh > 0 {
				rewrites++
				for f := range touched {
					files[f].counts++
				}
			}
		}
	}
	return files, rewrites, skipped, outside
}

// splice applies non-overlapping edits to src, in order of position;
// insertions at one place keep the order they are given in.
func splice(src []byte, edits []edit) []byte {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b edit) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		b.Write(src[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(src[last:])
	return b.Bytes()
}

// applyEdits returns the new content of each file, gofmt-formatted.
func applyEdits(files map[string]*fileFix, mod *module) (map[string][]byte, error) {
	out := map[string][]byte{}
	for name, ff := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if len(src) != ff.size {
			rel, _ := mod.rel(name)
			return nil, fmt.Errorf("%s changed while spanattrlint gen ran", rel)
		}
		formatted, err := format.Source(splice(src, ff.edits))
		if err != nil {
			rel, _ := mod.rel(name)
			return nil, fmt.Errorf("%s does not parse after the fixes: %v", rel, firstLine(err.Error()))
		}
		if !bytes.Equal(formatted, src) {
			out[name] = formatted
		}
	}
	return out, nil
}

// verify type-checks the packages of the changed files (and their tests)
// with the new contents as an overlay, before anything is written.
func verify(o *Options, mod *module, changed map[string][]byte, extraDirs ...string) error {
	if len(changed) == 0 {
		return nil
	}
	dirs := map[string]bool{}
	for name := range changed {
		dirs[filepath.Dir(name)] = true
	}
	for _, d := range extraDirs {
		dirs[d] = true
	}
	var patterns []string
	for d := range dirs {
		rel, ok := mod.rel(d)
		if !ok {
			continue
		}
		patterns = append(patterns, "./"+rel)
	}
	slices.Sort(patterns)
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Tests:   o.Tests,
		Dir:     mod.root,
		Env:     o.Env,
		Overlay: changed,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return fmt.Errorf("checking the result: %v", firstLine(err.Error()))
	}
	var errs []*packages.Package
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			errs = append(errs, p)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	// Only the packages themselves: their dependencies did not change.
	var first []string
	for _, p := range errs {
		for _, e := range p.Errors {
			pos := e.Pos
			if rel, ok := mod.rel(pos); ok && filepath.IsAbs(pos) {
				pos = rel
			}
			first = append(first, pos+": "+firstLine(e.Msg))
		}
	}
	slices.Sort(first)
	return fmt.Errorf("the fixed code would not compile, so nothing was written: %s", first[0])
}

// A journal undoes the writes of a run that fails half way, or of a dry
// run, which must write the constants for the analyzer to find them.
type journal struct {
	mu      sync.Mutex
	entries []journalEntry
	closed  bool
}

type journalEntry struct {
	name    string
	old     []byte // nil: the file did not exist
	mode    os.FileMode
	mkdirs  []string // directories created for it, deepest last
	existed bool
}

// write replaces name's content, creating its directory if needed, and
// records how to undo it.
func (j *journal) write(name string, data []byte) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.closed {
		return errors.New("interrupted")
	}
	e := journalEntry{name: name, mode: 0o644}
	if fi, err := os.Stat(name); err == nil {
		old, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		e.old, e.mode, e.existed = old, fi.Mode().Perm(), true
	}
	var missing []string
	for d := filepath.Dir(name); !fileExists(d); d = filepath.Dir(d) {
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
	return writeFileAtomic(name, data, e.mode)
}

// close undoes everything and refuses any further write.
func (j *journal) close() {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.closed = true
	j.undoLocked()
}

// undo restores every file the journal wrote, newest first.
func (j *journal) undo() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.undoLocked()
}

func (j *journal) undoLocked() error {
	var errs []error
	for i := len(j.entries) - 1; i >= 0; i-- {
		e := j.entries[i]
		if e.existed {
			if err := writeFileAtomic(e.name, e.old, e.mode); err != nil {
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

// writeFileAtomic writes through a temporary file in the same directory,
// so that a reader never sees half a file.
func writeFileAtomic(name string, data []byte, mode os.FileMode) error {
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
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
