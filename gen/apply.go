package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/internal/fixes"
)

// edit is an edit of one file (the constants file's additions, in emit.go).
type edit = fixes.Edit

func splice(src []byte, edits []edit) []byte { return fixes.Splice(src, edits) }

// mergeFixes takes the first suggested fix of every hard-coded finding, in
// package order, into a fixes.Set: an edit identical to one already
// accepted merges with it (a package and its test variant report the same
// finding, and the fixes of one file share their import edits); a fix with
// an edit overlapping an accepted one is skipped whole. It also returns the
// number of fixes left alone because they would edit a file outside the
// main module.
func mergeFixes(results []pkgResult, mod *module) (set *fixes.Set, outside int) {
	set = &fixes.Set{}
	for _, r := range results {
		for _, d := range r.diags {
			// Only the replacements of hard-coded strings by constants of
			// the same value: other checks' fixes (renaming a deprecated
			// key with -migrate-deprecated) would change the telemetry.
			if len(d.SuggestedFixes) == 0 || d.Category != "" && d.Category != "hard-coded" {
				continue
			}
			var edits []fixes.FileEdit
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
				edits = append(edits, fixes.FileEdit{File: tf.Name(), Size: tf.Size(),
					Edit: edit{Start: tf.Offset(te.Pos), End: tf.Offset(end), Text: string(te.NewText)}})
			}
			if !ok || len(edits) == 0 {
				outside++
				continue
			}
			findFile, findStart, findEnd := "", 0, 0
			if tf := r.pkg.Fset.File(d.Pos); tf != nil {
				end := d.End
				if !end.IsValid() || r.pkg.Fset.File(end) != tf {
					end = d.Pos
				}
				findFile, findStart, findEnd = tf.Name(), tf.Offset(d.Pos), tf.Offset(end)
			}
			set.Add(edits, findFile, findStart, findEnd)
		}
	}
	return set, outside
}

// applyEdits returns the new content of each file, gofmt-formatted.
func applyEdits(set *fixes.Set, mod *module) (map[string][]byte, error) {
	changes, err := fixes.Apply(set, os.ReadFile, func(name string) string {
		rel, _ := mod.rel(name)
		return rel
	})
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, c := range changes {
		out[c.Name] = c.New
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
type journal = fixes.Journal
