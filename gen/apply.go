package gen

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/fixes"
	"github.com/spanattrlint/spanattrlint/internal/srcfs"
)

// edit is an edit of one file (the constants file's additions, in emit.go).
type edit = fixes.Edit

func splice(src []byte, edits []edit) []byte { return fixes.Splice(src, edits) }

// An outcome is what gen keeps of the analysis of one package (one
// variant of it) once its syntax and types may go: its fixes, as edits of
// files by offset, and where it left strings without a constant.
type outcome struct {
	id, dir string
	fixes   []fileFix // in the order of the diagnostics
	left    []string  // "file:line:col" of each string without a constant
}

// A fileFix is the first suggested fix of a finding; no edits: a fix that
// would edit a file outside the main module.
type fileFix struct {
	edits      []fixes.FileEdit
	file       string
	start, end int
}

// outcomes turns the results into outcomes, keeping the first suggested
// fix of every hard-coded finding: the replacements of hard-coded strings
// by constants of the same value (other checks' fixes would change the
// telemetry) and, with migrate (-migrate-deprecated, which asks for that),
// the renaming of a deprecated key; and with -registry, the replacement
// of a call that sets a registry key to an enum member by the member's
// new variable (members.go), which sets the same.
func outcomes(results []pkgResult, mod *module, migrate bool) []outcome {
	out := make([]outcome, 0, len(results))
	for _, r := range results {
		o := outcome{id: r.pkg.ID, dir: r.pkg.Dir}
		members := map[token.Pos]bool{}
		if r.res != nil {
			for _, m := range r.res.Members {
				members[m.Pos] = true
			}
		}
		for _, d := range r.diags {
			take := d.Category == "" || d.Category == string(category.HardCoded) || migrate && d.Category == string(category.Deprecated) ||
				d.Category == string(category.MetricName) && r.named[d.Pos] || // a metric name gen offered a constant
				d.Category == string(category.EnumMember) && members[d.Pos] // a value a member variable names

			if len(d.SuggestedFixes) > 0 && take {
				o.fixes = append(o.fixes, resolveFix(r.pkg.Fset, d, mod))
			}
		}
		for _, u := range r.unmatched {
			p := r.pkg.Fset.PositionFor(u.Pos, false)
			o.left = append(o.left, fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column))
		}
		out = append(out, o)
	}
	return out
}

// resolveFix writes d's first fix as edits of files by offset, or none if
// it would edit a file outside the main module.
func resolveFix(fset *token.FileSet, d analysis.Diagnostic, mod *module) fileFix {
	var f fileFix
	for _, te := range d.SuggestedFixes[0].TextEdits {
		tf := fset.File(te.Pos)
		if tf == nil {
			return fileFix{}
		}
		end := te.End
		if !end.IsValid() {
			end = te.Pos
		}
		if _, in := mod.rel(tf.Name()); !in {
			return fileFix{} // never edit the module cache or GOROOT
		}
		f.edits = append(f.edits, fixes.FileEdit{File: tf.Name(), Size: tf.Size(),
			Edit: edit{Start: tf.Offset(te.Pos), End: tf.Offset(end), Text: string(te.NewText)}})
	}
	if tf := fset.File(d.Pos); tf != nil && len(f.edits) > 0 {
		end := d.End
		if !end.IsValid() || fset.File(end) != tf {
			end = d.Pos
		}
		f.file, f.start, f.end = tf.Name(), tf.Offset(d.Pos), tf.Offset(end)
	}
	return f
}

// mergeFixes takes the fixes of the outcomes, in package order, into a
// fixes.Set: an edit identical to one already accepted merges with it (a
// package and its test variant report the same finding, and the fixes of
// one file share their import edits); a fix with an edit overlapping an
// accepted one is skipped whole. It also returns the number of fixes left
// alone because they would edit a file outside the main module.
func mergeFixes(outs []outcome) (set *fixes.Set, outside int) {
	set = &fixes.Set{}
	for _, o := range outs {
		for _, f := range o.fixes {
			if len(f.edits) == 0 {
				outside++
				continue
			}
			set.Add(f.edits, f.file, f.start, f.end)
		}
	}
	return set, outside
}

// applyEdits returns the new content of each file, gofmt-formatted, and
// the old, read through overlay (the files not written yet).
func applyEdits(set *fixes.Set, mod *module, overlay map[string][]byte) (news, olds map[string][]byte, err error) {
	changes, err := fixes.Apply(set, srcfs.New(overlay, nil).ReadFile, func(name string) string {
		rel, _ := mod.rel(name)
		return rel
	})
	if err != nil {
		return nil, nil, err
	}
	news, olds = map[string][]byte{}, map[string][]byte{}
	for _, c := range changes {
		news[c.Name], olds[c.Name] = c.New, c.Old
	}
	return news, olds, nil
}

// verify type-checks the packages of the changed files (and their tests)
// with the new contents, before anything is written. The go command lists
// them and compiles the export data of their dependencies, with overlay
// (the constants file, which a package may import) as its -overlay; only
// the packages themselves are type-checked here, from the new sources.
// (Every changed file as an overlay would make the go command compile the
// changed packages too, only for them to be checked again here.)
//
// known, if not nil, is a load of packages made when the files were as
// they are now (the overlay included): where it holds the packages of
// every changed directory and every package the new files import, they
// are type-checked against its types, and the go command is not run again
// (see loadedAlready).
func verify(o *Options, mod *module, changed, overlay map[string][]byte, known []*packages.Package) error {
	if len(changed) == 0 {
		return nil
	}
	dirs := map[string]bool{}
	for name := range changed {
		dirs[filepath.Dir(name)] = true
	}
	imported, err := newImports(changed)
	if err != nil {
		return err
	}
	var first []string
	if pkgs, universe := loadedAlready(known, dirs, imported, mod); pkgs != nil {
		o.logf("type-checked the fixed packages against the types of a load made already")
		fset := token.NewFileSet()
		for _, p := range pkgs {
			for _, e := range checkPackage(fset, p, typesImporter(p, universe), changed) {
				first = append(first, relPos(mod, e.pos)+": "+firstLine(e.msg))
			}
		}
	} else {
		o.logf("type-checked the fixed packages, their imports listed by the go command")
		if first, err = checkListed(o, mod, dirs, imported, changed, overlay); err != nil {
			return err
		}
	}
	if len(first) == 0 {
		return nil
	}
	slices.Sort(first)
	return fmt.Errorf("the fixed code would not compile, so nothing was written: %s", first[0])
}

// newImports returns what the changed files import: the fixes add
// imports, of packages that the code on disk may not import yet.
func newImports(changed map[string][]byte) (map[string]bool, error) {
	imported := map[string]bool{}
	for name, src := range changed {
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
		if err != nil {
			return nil, fmt.Errorf("the fixed code would not compile, so nothing was written: %v", firstLine(err.Error()))
		}
		for _, spec := range f.Imports {
			if ip, err := strconv.Unquote(spec.Path.Value); err == nil && ip != "C" && ip != "unsafe" {
				imported[ip] = true
			}
		}
	}
	return imported, nil
}

// checkListed lists the packages in dirs and those imported, for their
// export data, and type-checks the former with the changed contents,
// returning the errors found, each on one line.
func checkListed(o *Options, mod *module, dirs, imported map[string]bool, changed, overlay map[string][]byte) ([]string, error) {
	var patterns []string
	for d := range dirs {
		if rel, ok := mod.rel(d); ok {
			patterns = append(patterns, "./"+rel)
		}
	}
	patterns = append(patterns, slices.Sorted(maps.Keys(imported))...)
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedDeps | packages.NeedExportFile | packages.NeedTypesSizes | packages.NeedModule,
		Tests:   o.Tests,
		Dir:     mod.root,
		Env:     o.Env,
		Overlay: overlay,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("checking the result: %v", firstLine(err.Error()))
	}
	var first []string
	addErr := func(pos, msg string) { first = append(first, listedError(mod, pos, msg)) }
	// By import path, the packages themselves (not their test variants),
	// for an import that a package on disk does not have.
	byPath := map[string]*packages.Package{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.ID == p.PkgPath {
			byPath[p.PkgPath] = p
		}
	})
	// One importer for the packages that import no test variant, so that
	// the export data of a dependency is read once, not once per package.
	fset := token.NewFileSet()
	shared := importer.ForCompiler(fset, "gc", exportLookup(nil, byPath))
	for _, p := range pkgs {
		if strings.HasSuffix(p.PkgPath, ".test") || !dirs[p.Dir] {
			continue // a generated test main, or a package listed for its export data only
		}
		for _, e := range p.Errors {
			addErr(e.Pos, e.Msg)
		}
		if len(p.Errors) > 0 {
			continue
		}
		imp := shared
		if !plainImports(p) {
			imp = importer.ForCompiler(fset, "gc", exportLookup(p, byPath))
		}
		for _, e := range checkPackage(fset, p, imp, changed) {
			addErr(e.pos, e.msg)
		}
	}
	return first, nil
}

// listedError words an error of the go command or the type checker on one
// line, its position relative to the module root.
func listedError(mod *module, pos, msg string) string {
	if strings.HasPrefix(msg, "# ") {
		// The go command's "# pkg" header: the compiler's line is the next.
		if _, rest, ok := strings.Cut(msg, "\n"); ok && strings.TrimSpace(rest) != "" {
			msg = strings.TrimSpace(rest)
			if p, m, ok := strings.Cut(msg, ": "); ok && strings.HasSuffix(strings.SplitN(p, ":", 2)[0], ".go") {
				pos, msg = p, m
			}
		}
	}
	if pos == "" || pos == "-" {
		return firstLine(msg)
	}
	return relPos(mod, pos) + ": " + firstLine(msg)
}

type checkError struct{ pos, msg string }

// relPos writes an absolute position in the module relative to its root.
func relPos(mod *module, pos string) string {
	if rel, ok := mod.rel(pos); ok && filepath.IsAbs(pos) {
		return rel
	}
	return pos
}

// loadedAlready returns the packages of known (every variant) in the
// directories dirs of the module, and the types of every package that
// known's packages import, directly or not, by path, when known holds a
// package for each of those directories and every package in imported
// (what the new files import); otherwise nil.
func loadedAlready(known []*packages.Package, dirs, imported map[string]bool, mod *module) ([]*packages.Package, map[string]*types.Package) {
	if known == nil {
		return nil, nil
	}
	universe := map[string]*types.Package{}
	var add func(*types.Package)
	add = func(tp *types.Package) {
		if universe[tp.Path()] != nil {
			return
		}
		universe[tp.Path()] = tp
		for _, i := range tp.Imports() {
			add(i)
		}
	}
	var pkgs []*packages.Package
	seen := map[string]bool{}
	for _, p := range known {
		if p.Types == nil || len(p.Errors) > 0 {
			return nil, nil
		}
		if p.ID == p.PkgPath { // not a test variant, whose imports may be variants too
			add(p.Types)
		}
		if dirs[p.Dir] {
			pkgs = append(pkgs, p)
			seen[p.Dir] = true
		}
	}
	// What only tests import (testing, say) from the test variants, where
	// no package itself has that path.
	for _, p := range known {
		if p.ID != p.PkgPath {
			add(p.Types)
		}
	}
	for d := range dirs {
		if _, in := mod.rel(d); in && !seen[d] {
			return nil, nil
		}
	}
	for path := range imported {
		if universe[path] == nil {
			return nil, nil
		}
	}
	return pkgs, universe
}

// typesImporter imports what p's files import: p's own imports as its load
// has them (a test variant's may be variants too), and a package the new
// files import besides from the rest of that load.
func typesImporter(p *packages.Package, universe map[string]*types.Package) types.Importer {
	direct := map[string]*types.Package{}
	for _, i := range p.Types.Imports() {
		direct[i.Path()] = i
	}
	return importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		if tp := direct[path]; tp != nil {
			return tp, nil
		}
		if tp := universe[path]; tp != nil {
			return tp, nil
		}
		return nil, fmt.Errorf("no types for %s", path)
	})
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// plainImports reports whether p imports no test variant of a package
// (as an external test package and a test variant's importers do).
func plainImports(p *packages.Package) bool {
	for _, d := range p.Imports {
		if d.ID != d.PkgPath {
			return false
		}
	}
	return true
}

// exportLookup finds the export data of an import of p (nil: of any
// package) by its import path.
func exportLookup(p *packages.Package, byPath map[string]*packages.Package) func(string) (io.ReadCloser, error) {
	return func(path string) (io.ReadCloser, error) {
		var d *packages.Package
		if p != nil {
			d = p.Imports[path]
		}
		if d == nil {
			d = byPath[path]
		}
		if d == nil || d.ExportFile == "" {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(d.ExportFile)
	}
}

// checkPackage parses the files of p, with the new contents of those that
// changed, and type-checks them against the export data of its imports.
func checkPackage(fset *token.FileSet, p *packages.Package, imp types.Importer, changed map[string][]byte) []checkError {
	var files []*ast.File
	var errs []checkError
	for _, name := range p.CompiledGoFiles {
		src, ok := changed[name]
		if !ok {
			var err error
			if src, err = os.ReadFile(name); err != nil {
				return []checkError{{name, err.Error()}}
			}
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			return []checkError{{name, err.Error()}}
		}
		files = append(files, f)
	}
	conf := types.Config{
		Importer: imp,
		Sizes:    p.TypesSizes,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				errs = append(errs, checkError{te.Fset.Position(te.Pos).String(), te.Msg})
				return
			}
			errs = append(errs, checkError{"", err.Error()})
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	} else if p.Types != nil {
		conf.GoVersion = p.Types.GoVersion() // as its load checked it
	}
	conf.Check(p.PkgPath, fset, files, nil)
	return errs
}

// A journal undoes the writes of a run that fails half way through them.
type journal = fixes.Journal
