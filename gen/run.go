package gen

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/fixes"
)

// Run generates the constants and applies the fixes, or with DryRun
// computes what it would do. It is a list of phases, each reading what
// the ones before it left in the run; nothing is written before the last.
func Run(o Options) (*Summary, error) {
	r, err := start(o)
	if err != nil {
		return nil, err
	}
	for _, phase := range []func() error{
		r.find,  // 1. load and analyse: the strings no constant defines
		r.plan,  // 2. the constants, and the constants file's new content, in memory
		r.fix,   // 3. the fixes, find's with the new constants offered
		r.check, // 4. the fixed packages type-checked with their new contents
		r.write, // 5. unless -dry-run, every file written, or none
	} {
		if err := phase(); err != nil {
			return nil, err
		}
	}
	report(r.o.Stdout, r.sum, r.o.DryRun)
	return r.sum, nil
}

// A job is one Run: what its phases pass on to the next.
type job struct {
	o       Options
	mod     *module
	t       *target
	genPath string // the constants file
	sum     *Summary

	// The constants file when the run started (startErr: it did not
	// exist), and as the plan read it: another process that writes it
	// meanwhile makes the plan wrong (a constant declared twice).
	atStart  []byte
	startErr error
	existing []byte

	pkgs      []*packages.Package // the load of find, while a later phase needs it
	results   []pkgResult         // find's analysis, by package ID, until find has read it
	again     []pkgResult         // of those, the packages whose fixes the new constants change (reoffered)
	constants []string            // -constants of find's analysis
	sources   []string            // packages whose constants are in use as keys (constantSources)
	uses      []use               // the strings to make constants for
	declared  map[string]string   // with -registry: where each value of uses is declared (declaredUses)
	members   []memberUse         // with -registry: the enum members the code sets (members.go)
	reuse     []*Constant         // member variables the constants file declares already, offered again (members.go)
	outs      []outcome           // what the analysis found, by package ID: fixes and strings left

	// overlay is the constants file's new content, by path, which the
	// check reads instead of the disk; nil with no new constant.
	overlay map[string][]byte
	// known is a load that saw the files as check sees them, whose types
	// check may reuse; nil if none.
	known []*packages.Package

	changed, olds map[string][]byte // the fixed files: new and old contents, by path
}

// start checks the options and finds the module and the target.
func start(o Options) (*job, error) {
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.File == "" {
		o.File = DefaultFile
	}
	if o.Dir == "" {
		o.Dir = "."
	}
	if len(o.Patterns) == 0 {
		return nil, errors.New("no packages given: name the packages whose literals to replace, e.g. ./...")
	}
	if filepath.Base(o.File) != o.File || !strings.HasSuffix(o.File, ".go") || strings.HasSuffix(o.File, "_test.go") ||
		strings.HasPrefix(o.File, ".") || strings.HasPrefix(o.File, "_") {
		return nil, fmt.Errorf("-file=%s: want the name of a non-test Go file, such as %s", o.File, DefaultFile)
	}
	mod, err := o.absModule()
	if err != nil {
		return nil, err
	}
	t, err := resolveTarget(mod, o.Dir, o.Into)
	if err != nil {
		return nil, err
	}
	r := &job{o: o, mod: mod, t: t, genPath: filepath.Join(t.dir, o.File)}
	genRel, _ := mod.rel(r.genPath)
	r.sum = &Summary{File: genRel, PerFile: map[string]int{}}
	r.atStart, r.startErr = os.ReadFile(r.genPath)
	return r, nil
}

// find loads and analyses the packages, and collects the strings that no
// constant defines anywhere in the module, refusing a target that would
// make an import cycle.
func (r *job) find() error {
	// The target's inspection (a go list of its own) and the load of the
	// packages need nothing of each other: they run side by side, and a
	// refusal of the target still comes first.
	inspected := make(chan error, 1)
	go func() { inspected <- r.t.inspect(r.o.Env) }()
	pkgs, err := load(&r.o, r.mod)
	if ierr := <-inspected; ierr != nil {
		return ierr
	}
	if err != nil {
		// A load in the middle of another run's writes sees a module
		// that is neither before nor after it.
		if r.genChanged(r.atStart, r.startErr == nil) {
			return changedDuringRun(r.sum.File)
		}
		return err
	}
	// The module's own wrappers (tracing.Attribute(k, v)), found across
	// the packages once: their call sites are positions in every analysis.
	if err := inferWrappers(&r.o, pkgs, r.mod); err != nil {
		return err
	}
	r.pkgs = pkgs
	r.constants = slices.Clone(r.o.Constants)
	if r.t.exists && len(r.t.forKey) > 0 { // -constants refuses a package with no constants yet
		r.constants = append(r.constants, r.t.path)
	}
	// A package that already uses another's constants as keys is offered
	// them by the analyzer; every package is, once they are -constants, so
	// that a value written as tracing.JourneyEventType in one package and
	// "event.type" in another gets no second constant. Those packages are
	// found before the analysis (as the wrappers are), which then has them
	// as -constants from the start.
	if r.sources, err = inUse(&r.o, pkgs, r.t); err != nil {
		return err
	}
	if r.results, err = analyse(&r.o, pkgs, append(r.constants, r.sources...)); err != nil {
		return err
	}
	if err := r.adoptSources(); err != nil {
		return err
	}
	uses := collectUses(r.results, r.mod, r.t, r.o.MigrateDeprecated, &r.sum.Notes)
	r.uses = leaveOut(uses, &r.sum.Notes)
	if r.o.Registry != "" { // registryinto.go: only what the registry declares
		r.members = collectMembers(r.results, r.mod, r.t, &r.sum.Notes)
		if r.uses, r.declared, err = declaredUses(&r.o, r.mod, r.uses, r.members, &r.sum.Notes); err != nil {
			return err
		}
	}
	if p, chain := r.t.cycle(importers(r.uses, r.t)); p != "" {
		via := ""
		if len(chain) > 2 {
			via = " (via " + strings.Join(chain[1:len(chain)-1], " -> ") + ")"
		}
		return fmt.Errorf("-into: %s imports %s%s, which would import it to use the constants: an import cycle; choose another package", r.t.path, p, via)
	}
	// What the next phases read of the analysis, and of the load: the
	// findings of the packages whose fixes the new constants change, and
	// the types of all.
	r.outs = outcomes(r.results, r.mod, r.o.MigrateDeprecated)
	again := reoffered(r.results, r.t)
	for _, res := range r.results {
		if again[res.pkg.ID] {
			r.again = append(r.again, res)
		} else {
			releaseSyntax(res.pkg)
		}
	}
	r.results = nil
	return nil
}

// adoptSources offers, as -constants, the packages whose constants the
// analysis found in use beyond those found before it: those whose
// constants its fixes write (an attribute.Key constant of an imported
// package, say), which only the ranking of the candidates tells. The
// packages with a finding build their fixes again with those constants
// (analyzer.Result.WithConstants), as an analysis with them as
// -constants would, without analysing again.
func (r *job) adoptSources() error {
	more := slices.DeleteFunc(constantSources(r.results, r.t), func(p string) bool { return slices.Contains(r.sources, p) })
	if len(more) == 0 {
		return nil
	}
	r.sources = slices.Sorted(slices.Values(append(r.sources, more...)))
	offered := exportedConsts(r.pkgs, more)
	for i, res := range r.results {
		if len(res.diags) == 0 && len(res.unmatched) == 0 || res.res == nil {
			continue
		}
		var news []analyzer.NewConstant
		for _, c := range offered {
			if !importsPath(c.dep, res.pkg.PkgPath) { // no import cycle
				news = append(news, analyzer.NewConstant{Obj: c.obj})
			}
		}
		r.results[i].withConstants(news)
	}
	return nil
}

// plan names the constants and renders the constants file with them, in
// memory: the overlay of the rest of the run.
func (r *job) plan() error {
	r.sum.Constants = planConstants(r.uses, r.t, &r.sum.Notes)
	markDeclared(r.sum.Constants, r.declared)
	var declaredAt []byte
	if r.startErr == nil {
		declaredAt = r.atStart
	}
	news, again := planMembers(r.members, r.sum.Constants, r.t, existingMembers(declaredAt), &r.sum.Notes)
	r.sum.Constants, r.reuse = append(r.sum.Constants, news...), again
	existing, err := os.ReadFile(r.genPath)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	r.sum.existed = err == nil
	if r.sum.existed != (r.startErr == nil) || !bytes.Equal(existing, r.atStart) {
		return changedDuringRun(r.sum.File)
	}
	r.existing = existing
	if len(r.sum.Constants) == 0 {
		return nil
	}
	if r.sum.Content, err = render(r.t, r.t.modPath, existing, r.sum.Constants); err != nil {
		return err
	}
	r.overlay = map[string][]byte{r.genPath: r.sum.Content}
	return nil
}

// genChanged reports whether the constants file on disk is no longer
// content (exists: it existed).
func (r *job) genChanged(content []byte, exists bool) bool {
	now, err := os.ReadFile(r.genPath)
	return (err == nil) != exists || !bytes.Equal(now, content)
}

// fix computes the fixes: the analyzer's, of find's analysis, those of
// the packages that write a string no constant defined built again with
// the new constants (analyzer.Result.WithConstants). It applies them in
// memory.
func (r *job) fix() error {
	if r.sum.Content == nil {
		r.known = r.pkgs // the files are as the load saw them
	}
	if r.sum.Content != nil || len(r.reuse) > 0 {
		r.offer()
	}
	// check reads the types of known, not its syntax.
	for _, p := range r.pkgs {
		releaseSyntax(p)
	}
	r.pkgs = nil
	set, outside := mergeFixes(r.outs)
	var err error
	if r.changed, r.olds, err = applyEdits(set, r.mod, r.overlay); err != nil {
		return err
	}
	r.summarise(set, outside)
	r.o.logf("computed %d fixes of %d files, in memory", set.Applied, len(r.changed))
	return nil
}

// offer builds the fixes again, with the new constants declared, of the
// packages that write a string no constant defined (now they get fixes
// to the new constants) and of the target (whose constants they are):
// the others' fixes stand.
func (r *job) offer() {
	news := make([]analyzer.NewConstant, 0, len(r.sum.Constants)+len(r.reuse))
	for _, c := range slices.Concat(r.sum.Constants, r.reuse) {
		news = append(news, analyzer.NewConstant{Path: r.t.path, PkgName: r.t.name, Name: c.Name, Value: c.Value, Key: c.Key, Member: c.Member})
	}
	fresh := make([]pkgResult, 0, len(r.again))
	for _, res := range r.again {
		offered := news
		if r.t.imports(res.pkg.PkgPath) { // members.go: no member variable where it would be an import cycle
			offered = slices.DeleteFunc(slices.Clone(news), func(c analyzer.NewConstant) bool { return c.Member != "" })
		}
		res.withConstants(offered)
		fresh = append(fresh, res)
	}
	r.again = nil
	r.outs = replaceOutcomes(r.outs, outcomes(fresh, r.mod, r.o.MigrateDeprecated))
}

// summarise fills the summary from the fixes taken.
func (r *job) summarise(set *fixes.Set, outside int) {
	r.sum.Rewrites = set.Applied
	for name := range r.changed {
		rel, _ := r.mod.rel(name)
		r.sum.Files = append(r.sum.Files, rel)
		r.sum.PerFile[rel] = set.Files[name].Fixes
	}
	slices.Sort(r.sum.Files)
	if outside > 0 {
		r.sum.Notes = append(r.sum.Notes, fmt.Sprintf("left alone: %d fixes of files outside the main module", outside))
	}
	if set.Skipped > 0 {
		r.sum.Notes = append(r.sum.Notes, fmt.Sprintf("%d fixes skipped: they overlap fixes already taken; run spanattrlint gen again", set.Skipped))
	}
	r.sum.Left = countLeft(r.outs)
}

// check type-checks the packages of the fixed files and of the constants
// file, with their new contents.
func (r *job) check() error {
	all := maps.Clone(r.overlay)
	if all == nil {
		all = map[string][]byte{}
	}
	maps.Copy(all, r.changed)
	return verify(&r.o, r.mod, all, r.overlay, r.known)
}

// write writes the constants file and the fixed files, unless the run is
// a dry run, once it knows that none of them changed since it read them;
// on an error (an interrupt included) it undoes what it wrote.
func (r *job) write() (err error) {
	if r.o.DryRun {
		return nil
	}
	if r.sum.Content != nil && r.genChanged(r.existing, r.sum.existed) {
		return changedDuringRun(r.sum.File)
	}
	names := slices.Sorted(maps.Keys(r.changed))
	for _, name := range names {
		if cur, err := os.ReadFile(name); name != r.genPath && (err != nil || !bytes.Equal(cur, r.olds[name])) {
			rel, _ := r.mod.rel(name)
			return changedDuringRun(rel)
		}
	}
	j := &journal{}
	stop := undoOnSignal(j)
	defer stop()
	done := false
	defer func() { // a panic on the way leaves nothing behind either
		if !done {
			j.Undo()
		}
	}()
	if r.sum.Content != nil {
		err = j.Write(r.genPath, r.sum.Content)
	}
	for _, name := range names {
		if err == nil {
			err = j.Write(name, r.changed[name])
		}
	}
	if err != nil {
		// Another run on the module (or an editor) may write the same
		// files meanwhile: then that is what went wrong.
		if ch := j.Changed(); len(ch) > 0 {
			rel, _ := r.mod.rel(ch[0])
			err = changedDuringRun(rel)
		}
		if uerr := j.Undo(); uerr != nil {
			err = fmt.Errorf("%v; and undoing the changes failed: %v", err, uerr)
		}
	}
	done = true
	return err
}

// undoOnSignal undoes the journal when the process is interrupted, so that
// an interrupted run leaves nothing half written.
func undoOnSignal(j *journal) (stop func()) {
	return j.UndoOnSignal("spanattrlint gen")
}

// reoffered returns the IDs of the packages (every variant) whose fixes
// the new constants change: those with a string no constant defined, and
// the target.
func reoffered(results []pkgResult, t *target) map[string]bool {
	dirs := map[string]bool{}
	for _, r := range results {
		if len(r.unmatched) > 0 || r.res != nil && len(r.res.Members) > 0 || r.pkg.PkgPath == t.path || r.pkg.PkgPath == t.path+"_test" {
			dirs[r.pkg.Dir] = true
		}
	}
	ids := map[string]bool{}
	for _, r := range results {
		if dirs[r.pkg.Dir] {
			ids[r.pkg.ID] = true
		}
	}
	return ids
}

// replaceOutcomes returns the outcomes with those of the packages analysed
// again replaced by the fresh ones (by the directory: every variant of a
// package is in both or neither), sorted by package ID.
func replaceOutcomes(old, fresh []outcome) []outcome {
	dirs := map[string]bool{}
	for _, o := range fresh {
		dirs[o.dir] = true
	}
	out := slices.DeleteFunc(slices.Clone(old), func(o outcome) bool { return dirs[o.dir] })
	out = append(out, fresh...)
	slices.SortFunc(out, func(a, b outcome) int { return strings.Compare(a.id, b.id) })
	return out
}

// releaseSyntax drops a package's syntax trees and type information (not
// its types, which the packages loaded with it share).
func releaseSyntax(p *packages.Package) {
	p.Syntax, p.TypesInfo = nil, nil
}
