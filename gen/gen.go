// Package gen is the spanattrlint gen subcommand: it writes the constants
// package that the code needs, then points every use at it.
//
// It runs the analyzer over the packages, collects the attribute keys and
// event names (span names with -span-names) that no constant defines,
// writes one constant per value into a file of the target package, runs
// the analyzer again with the target as its -constants package and
// applies the fixes. Everything is computed before any source file is
// written; the constants file has to exist on disk for the second run (the
// analyzer reads -constants packages from disk), so a failure or a
// -dry-run removes it again.
package gen

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/internal/interrupt"
	"github.com/spanattrlint/spanattrlint/internal/registry"
)

// DefaultFile is the name of the file gen writes in the target package.
const DefaultFile = "spanattrlint_gen.go"

// Options configure a run.
type Options struct {
	Dir       string   // where to run, as the go command would (default ".")
	Into      string   // target package: a directory (./internal/telemetry) or an import path in the main module
	File      string   // file to write in the target package (default DefaultFile)
	Patterns  []string // packages to analyse and fix (./...)
	DryRun    bool     // print what would be written, change nothing
	SpanNames bool     // also span names passed to Tracer.Start
	Constants []string // -constants: more packages whose constants are used, never duplicated
	Tests     bool     // analyse test files too
	// MigrateDeprecated also applies the analyzer's fixes that rename a
	// deprecated semconv key to its successor (changing the telemetry);
	// otherwise such a literal is left as it is.
	MigrateDeprecated bool
	Env               []string // environment of the go command, GOWORK included (nil: this process's)
	Stdout            io.Writer

	// KeyFuncs are -key-funcs entries (FUNC:ARG[:KIND]), as the command's:
	// wrappers whose arguments are keys or names. The wrappers of the
	// packages themselves are found without them, across packages.
	KeyFuncs []string
	wrappers []string // inferred across the loaded packages (inferWrappers)

	// Registry is -registry, the team's Weaver registry (relative to the
	// module root), and RegistryEmbedded -registry-embedded, as the
	// command's: a registry that cannot be read stops gen before it
	// writes anything.
	Registry         string
	RegistryEmbedded []string

	hooks hooks // set by this package's tests only
}

// hooks are the points where a test of this package looks into one run;
// a nil one is skipped. They belong to the run's Options, not to package
// variables: a program that imports gen cannot reach them, and two runs
// never share them.
type hooks struct {
	// written runs once the constants file is on disk and the fixes are
	// computed; an error it returns fails the run there.
	written func() error
	// analyze runs at the start of each package's analysis.
	analyze func(*analysis.Pass)
	// verified is told how each verify found the fixed packages'
	// imports: by running the go command (listed), or in a load the run
	// had made already.
	verified func(listed bool)
}

// Summary is what a run did, or with DryRun would do.
type Summary struct {
	File      string      // the constants file, relative to the module root
	Content   []byte      // its new content; nil when no constant is added
	Constants []*Constant // the constants added
	Rewrites  int         // fixes applied
	Files     []string    // source files changed, relative to the module root
	PerFile   map[string]int
	Left      int      // hard-coded strings still without a constant
	Notes     []string // collisions and what was left alone

	existed bool // the constants file existed before
}

// Main runs the subcommand with the arguments after "gen" and returns the
// exit status.
func Main(args []string) int {
	return main(args, Options{Dir: ".", Stdout: os.Stdout}, os.Stderr)
}

// main is Main with the flags set on o, whose Dir, Env (nil: this
// process's) and Stdout the caller chose, so that tests need not change
// the process's.
func main(args []string, o Options, stderr io.Writer) int {
	fs := flag.NewFlagSet("spanattrlint gen", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.Into, "into", "", "the package to write the constants into: a directory (./internal/telemetry)\nor an import path of the main module; created if missing (required)")
	fs.StringVar(&o.File, "file", DefaultFile, "name of the file to write (or add to) in that package")
	fs.BoolVar(&o.DryRun, "dry-run", false, "print the file that would be written and the number of rewrites, change nothing")
	fs.BoolVar(&o.SpanNames, "span-names", false, "also make constants for span names passed to trace.Tracer.Start, and use them")
	fs.BoolVar(&o.Tests, "test", true, "analyse and fix test files too")
	fs.BoolVar(&o.MigrateDeprecated, "migrate-deprecated", false, "also rename the deprecated semantic-convention keys that were renamed to their successors\n(as spanattrlint -migrate-deprecated -fix; this changes the telemetry); without it such a literal is left as it is")
	fs.Func("key-funcs", "comma-separated FUNC:ARG[:KIND] entries naming wrapper functions whose argument ARG is an\n"+
		"attribute key (KIND event: an event name, span: a span name), as spanattrlint -key-funcs; the wrappers\n"+
		"of the analysed packages are found without it", func(v string) error {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p == "" {
				return errors.New("empty entry in the comma-separated list")
			}
			o.KeyFuncs = append(o.KeyFuncs, p)
		}
		return nil
	})
	fs.Func("constants", "comma-separated import paths or patterns of packages whose constants the code should use\n(as spanattrlint -constants): a value one of them holds gets no new constant", func(v string) error {
		for _, p := range strings.Split(v, ",") {
			if p == "" {
				return errors.New("empty entry in the comma-separated list")
			}
			o.Constants = append(o.Constants, p)
		}
		return nil
	})
	fs.StringVar(&o.Registry, "registry", "", "the team's OpenTelemetry Weaver registry, relative to the module root (as spanattrlint -registry):\na registry that cannot be read stops gen before it writes anything")
	fs.Func("registry-embedded", "comma-separated dependencies of the registry's manifest to satisfy from the embedded semantic\nconventions (as spanattrlint -registry-embedded)", func(v string) error {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p == "" {
				return errors.New("empty entry in the comma-separated list")
			}
			o.RegistryEmbedded = append(o.RegistryEmbedded, p)
		}
		return nil
	})
	var cpuProfile, memProfile string
	fs.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file")
	fs.StringVar(&memProfile, "memprofile", "", "write a heap profile (taken at the end of the run) to this file")
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stderr)
			usage(fs)
			return 0
		}
		// One line, not the usage: the help is one flag away.
		fmt.Fprintf(stderr, "spanattrlint gen: %s; run 'spanattrlint gen -help'\n", firstLine(err.Error()))
		return 1
	}
	o.Patterns = fs.Args()
	stop, err := startProfiles(cpuProfile, memProfile)
	if err != nil {
		fmt.Fprintf(stderr, "spanattrlint gen: %s\n", firstLine(err.Error()))
		return 1
	}
	defer stop()
	// An interrupt ends the run at once, with the go commands it started;
	// the journal of what it wrote (undoOnSignal) undoes that first.
	defer interrupt.Watch("spanattrlint gen", nil)()
	if _, err := Run(o); err != nil {
		var re *registry.Error
		if errors.As(err, &re) {
			// As the compiler names a place in a file.
			fmt.Fprintln(stderr, firstLine(re.Error()))
			return 1
		}
		fmt.Fprintf(stderr, "spanattrlint gen: %s\n", firstLine(err.Error()))
		return 1
	}
	return 0
}

func usage(fs *flag.FlagSet) {
	w := fs.Output()
	fmt.Fprint(w, `usage: spanattrlint gen -into=DIR|IMPORTPATH [flags] packages

spanattrlint gen writes the constants package that the code needs, then fixes
every use. It collects the hard-coded OpenTelemetry attribute keys and span
event names (span names too with -span-names) of the packages for which no
constant exists anywhere, and writes one constant per value into a file of the
-into package, creating the package if needed:

	// GenAIUsagePromptTokensKey is the attribute key "gen_ai.usage.prompt_tokens", first seen at engine/engine.go:139.
	GenAIUsagePromptTokensKey = attribute.Key("gen_ai.usage.prompt_tokens")
	// JourneyQueuedEvent is the event name "journey.QUEUED", first seen at engine/engine.go:142.
	JourneyQueuedEvent = "journey.QUEUED"

Attribute keys get attribute.Key constants (so that the fix writes
telemetry.GenAIUsagePromptTokensKey.Int(n)), event and span names untyped
ones. Names follow the semantic conventions' style; two values that would
share a name are told apart by a number, in sorted order, with a note. Then
it applies spanattrlint's fixes with -constants set to that package, so that
every literal, and any other with a constant elsewhere, becomes a constant.

Constants already in the package are never written again nor changed: only
the -file is written to, and later runs only add to it, so a second run with
no code change changes nothing. The file is not marked "Code generated": it is
yours to edit (and the analyzer skips generated files). Values that another
package already names with a constant, used as a key somewhere (a package of
the module or of a dependency, where the import rules let the code use it),
get that constant instead of a new one. A key the semantic conventions
deprecated gets no constant; -migrate-deprecated renames those that have a
successor, as spanattrlint -migrate-deprecated -fix does.

gen refuses, before writing anything, a package outside the main module, a
main package, and a package that imports one of the packages that would
import it (an import cycle). All edits are computed
and type-checked before any source file is written; on an error, or with
-dry-run, nothing is left changed. (The constants file itself is on disk while
the fixes are computed, since the analyzer reads -constants packages from
there; it is removed again on an error, an interrupt and with -dry-run.)

Example:

	spanattrlint gen -into=./internal/telemetry ./...

Flags:
`)
	fs.PrintDefaults()
}

// Run generates the constants and applies the fixes, or with DryRun
// computes what it would do.
func Run(o Options) (*Summary, error) {
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
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return nil, err
	}
	o.Dir = dir
	mod, err := findModule(dir, o.Env)
	if err != nil {
		return nil, err
	}
	t, err := resolveTarget(mod, dir, o.Into)
	if err != nil {
		return nil, err
	}
	// The target's inspection (a go list of its own) and the load of the
	// packages need nothing of each other: they run side by side, and a
	// refusal of the target still comes first, before anything is written.
	inspected := make(chan error, 1)
	go func() { inspected <- t.inspect(o.Env) }()
	genPath := filepath.Join(t.dir, o.File)
	genRel, _ := mod.rel(genPath)
	sum := &Summary{File: genRel, PerFile: map[string]int{}}

	// The constants file as the load sees it: the constants are planned
	// from that, and another run that writes it meanwhile makes the plan
	// wrong (a constant declared twice).
	atStart, startErr := os.ReadFile(genPath)

	// 1. What has no constant, anywhere in the module.
	pkgs, err := load(&o, mod)
	if ierr := <-inspected; ierr != nil {
		return nil, ierr
	}
	if err != nil {
		// A load in the middle of another run's writes sees a module
		// that is neither before nor after it.
		if now, nowErr := os.ReadFile(genPath); (nowErr == nil) != (startErr == nil) || !bytes.Equal(now, atStart) {
			return nil, changedDuringRun(genRel)
		}
		return nil, err
	}
	// The module's own wrappers (tracing.Attribute(k, v)), found across
	// the packages once: their call sites are positions in every analysis.
	if err := inferWrappers(&o, pkgs, mod); err != nil {
		return nil, err
	}
	constants := slices.Clone(o.Constants)
	if t.exists && len(t.forKey) > 0 { // -constants refuses a package with no constants yet
		constants = append(constants, t.path)
	}
	results, err := analyse(&o, pkgs, constants)
	if err != nil {
		return nil, err
	}
	// A package that already uses another's constants as keys is offered
	// them by the analyzer; every package is, once they are -constants, so
	// that a value written as tracing.JourneyEventType in one package and
	// "event.type" in another gets no second constant.
	sources := constantSources(results, t)
	if len(sources) > 0 {
		if results, err = analyse(&o, pkgs, append(constants, sources...)); err != nil {
			return nil, err
		}
	}
	uses := collectUses(results, mod, t, o.MigrateDeprecated, &sum.Notes)
	uses = leaveOut(uses, &sum.Notes)
	if p, chain := t.cycle(importers(uses, t)); p != "" {
		via := ""
		if len(chain) > 2 {
			via = " (via " + strings.Join(chain[1:len(chain)-1], " -> ") + ")"
		}
		return nil, fmt.Errorf("-into: %s imports %s%s, which would import it to use the constants: an import cycle; choose another package", t.path, p, via)
	}

	// 2. The constants, in memory.
	sum.Constants = planConstants(uses, t, &sum.Notes)
	existing, err := os.ReadFile(genPath)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	sum.existed = err == nil
	if sum.existed != (startErr == nil) || !bytes.Equal(existing, atStart) {
		return nil, changedDuringRun(genRel)
	}
	if len(sum.Constants) > 0 {
		if sum.Content, err = render(t, t.modPath, existing, sum.Constants); err != nil {
			return nil, err
		}
	}

	// The packages that will not be analysed again (see reanalysed) keep
	// their results but need their syntax no more.
	if sum.Content == nil {
		for _, r := range results {
			releaseSyntax(r.pkg)
		}
	} else {
		keep := map[string]bool{}
		for _, r := range results {
			if len(r.unmatched) > 0 || r.pkg.PkgPath == t.path || r.pkg.PkgPath == t.path+"_test" {
				keep[r.pkg.Dir] = true
			}
		}
		for _, r := range results {
			if !keep[r.pkg.Dir] {
				releaseSyntax(r.pkg)
			}
		}
	}
	// A collection now sets the next heap goal from what is still live,
	// not from the peak of the load: the loads that follow then fit in
	// what the first one took.
	runtime.GC()

	// 3. With the constants on disk (the analyzer reads -constants
	// packages from there), the fixes. Nothing else is written until all
	// of them are known to compile.
	j := &journal{}
	stop := undoOnSignal(j)
	defer stop()
	// A panic on the way leaves nothing behind either (the analyzer's are
	// errors by then: see analyse).
	finished := false
	defer func() {
		if !finished {
			j.Undo()
		}
	}()
	// Another run on the module (or an editor) may write the same files
	// meanwhile: then that is what went wrong, whatever failed after it.
	fail := func(err error) (*Summary, error) {
		if ch := j.Changed(); len(ch) > 0 {
			rel, _ := mod.rel(ch[0])
			err = changedDuringRun(rel)
		}
		if uerr := j.Undo(); uerr != nil {
			err = fmt.Errorf("%v; and undoing the changes failed: %v", err, uerr)
		}
		return nil, err
	}
	// A load that saw the files on disk as verify will see them, if any:
	// verify type-checks the fixed packages against its types instead of
	// listing them again. With no constants file, that is the first load.
	var known []*packages.Package
	if sum.Content == nil {
		known = pkgs
	}
	if sum.Content != nil {
		// The constants were planned from the file as it was read above.
		if cur, err := os.ReadFile(genPath); (err == nil) != sum.existed || !bytes.Equal(cur, existing) {
			return fail(changedDuringRun(genRel))
		}
		if err := j.Write(genPath, sum.Content); err != nil {
			return fail(err)
		}
		// Only the packages that write a string with no constant yet
		// get other fixes now, and the target other declarations: those
		// are analysed again, the others' results stand. A new package is
		// imported by none of those loaded, whose types therefore still
		// hold; an existing one may be, and is analysed itself: those
		// packages are loaded again, with the new file.
		again, patterns := reanalysed(results, &o, t)
		if len(patterns) > 0 {
			sub := pkgs
			if t.anyGo {
				// The syntax of the packages loaded again is not needed
				// any more: the old and new copies need not be in memory
				// together.
				for _, p := range pkgs {
					if again[p.ID] {
						releaseSyntax(p)
					}
				}
				so := o
				so.Patterns = patterns
				if sub, err = load(&so, mod); err != nil {
					return fail(err)
				}
				known = sub
			} else {
				sub = slices.DeleteFunc(slices.Clone(pkgs), func(p *packages.Package) bool { return !again[p.ID] })
			}
			fresh, err := analyse(&o, sub, slices.Concat(o.Constants, []string{t.path}, sources))
			if err != nil {
				return fail(err)
			}
			results = replaceResults(results, fresh)
		}
	}
	if o.hooks.written != nil {
		if err := o.hooks.written(); err != nil {
			return fail(err)
		}
	}
	// From here on, the results' diagnostics and positions are all that is
	// read of the packages: their syntax and type information need not
	// stay in memory while the fixed packages are type-checked.
	for _, r := range results {
		releaseSyntax(r.pkg)
	}
	pkgs = nil
	runtime.GC() // as above, before verify loads the fixed packages
	set, outside := mergeFixes(results, mod, o.MigrateDeprecated)
	rewrites, skipped := set.Applied, set.Skipped
	changed, olds, err := applyEdits(set, mod)
	if err != nil {
		return fail(err)
	}
	var extra []string
	if sum.Content != nil {
		extra = append(extra, t.dir)
	}
	if len(changed) > 0 || len(extra) > 0 {
		all := map[string][]byte{}
		for k, v := range changed {
			all[k] = v
		}
		if err := verify(&o, mod, all, known, extra...); err != nil {
			return fail(err)
		}
	}
	sum.Rewrites = rewrites
	for name := range changed {
		rel, _ := mod.rel(name)
		sum.Files = append(sum.Files, rel)
		sum.PerFile[rel] = set.Files[name].Fixes
	}
	slices.Sort(sum.Files)
	if outside > 0 {
		sum.Notes = append(sum.Notes, fmt.Sprintf("left alone: %d fixes of files outside the main module", outside))
	}
	if skipped > 0 {
		sum.Notes = append(sum.Notes, fmt.Sprintf("%d fixes skipped: they overlap fixes already taken; run spanattrlint gen again", skipped))
	}
	sum.Left = countLeft(results)

	// 4. Write, or undo for a dry run.
	if o.DryRun {
		if err := j.Undo(); err != nil {
			return nil, err
		}
	} else {
		names := make([]string, 0, len(changed))
		for name := range changed {
			names = append(names, name)
		}
		slices.Sort(names)
		// The fixes were made to the files as they were read, and the
		// constants file must still be this run's.
		for _, name := range names {
			if cur, err := os.ReadFile(name); err != nil || !bytes.Equal(cur, olds[name]) {
				rel, _ := mod.rel(name)
				return fail(changedDuringRun(rel))
			}
		}
		if ch := j.Changed(); len(ch) > 0 {
			return fail(nil) // says which
		}
		for _, name := range names {
			if err := j.Write(name, changed[name]); err != nil {
				return fail(err)
			}
		}
	}
	finished = true
	report(o.Stdout, sum, o.DryRun)
	return sum, nil
}

// countLeft counts the distinct hard-coded strings that the last analysis
// found no constant for: those that gen leaves alone.
func countLeft(results []pkgResult) int {
	seen := map[string]bool{}
	for _, r := range results {
		for _, u := range r.unmatched {
			p := r.pkg.Fset.PositionFor(u.Pos, false)
			seen[fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)] = true
		}
	}
	return len(seen)
}

func report(w io.Writer, s *Summary, dry bool) {
	for _, n := range s.Notes {
		fmt.Fprintf(w, "spanattrlint gen: note: %s\n", n)
	}
	verb, rw := "wrote", "made"
	if dry {
		if s.Content != nil {
			w.Write(s.Content)
		}
		verb, rw = "-dry-run: would write", "-dry-run: would make"
	}
	if s.Content != nil {
		counts := map[string]int{}
		for _, c := range s.Constants {
			counts[c.roleText()]++
		}
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(counts)) {
			parts = append(parts, plural(counts[k], k))
		}
		fmt.Fprintf(w, "spanattrlint gen: %s %s: %s (%s)\n", verb, s.File, plural(len(s.Constants), "new constant"), strings.Join(parts, ", "))
	} else if s.existed {
		fmt.Fprintf(w, "spanattrlint gen: 0 new constants (%s unchanged)\n", s.File)
	} else {
		fmt.Fprintf(w, "spanattrlint gen: 0 new constants (nothing to write into %s)\n", s.File)
	}
	fmt.Fprintf(w, "spanattrlint gen: %s %s in %s\n", rw, plural(s.Rewrites, "rewrite"), plural(len(s.Files), "file"))
	if dry {
		for _, f := range s.Files {
			fmt.Fprintf(w, "\t%s: %d\n", f, s.PerFile[f])
		}
	}
	if s.Left > 0 {
		fmt.Fprintf(w, "spanattrlint gen: %s left without a constant\n", plural(s.Left, "hard-coded string"))
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// changedDuringRun says that another process wrote a file of the run (rel,
// relative to the module root) while it ran.
func changedDuringRun(rel string) error {
	return fmt.Errorf("%s changed while spanattrlint gen ran (another gen on this module, or an editor?): nothing of this run was left; run gen again", rel)
}

// undoOnSignal undoes the journal when the process is interrupted, so that
// an interrupted run leaves nothing half written.
func undoOnSignal(j *journal) (stop func()) {
	return j.UndoOnSignal("spanattrlint gen")
}

// reanalysed returns the IDs of the packages (every variant) that need a
// second analysis once the constants file is written, those with a string
// no constant defined and the target, and patterns naming their
// directories, relative to where the go command runs.
func reanalysed(results []pkgResult, o *Options, t *target) (map[string]bool, []string) {
	dirs := map[string]bool{}
	for _, r := range results {
		if len(r.unmatched) > 0 || r.pkg.PkgPath == t.path || r.pkg.PkgPath == t.path+"_test" {
			dirs[r.pkg.Dir] = true
		}
	}
	ids := map[string]bool{}
	for _, r := range results {
		if dirs[r.pkg.Dir] {
			ids[r.pkg.ID] = true
		}
	}
	var patterns []string
	for d := range dirs {
		rel, err := filepath.Rel(o.Dir, d)
		switch {
		case err != nil:
			rel = d
		case rel == "." || strings.HasPrefix(rel, ".."):
			rel = filepath.ToSlash(rel)
		default:
			rel = "./" + filepath.ToSlash(rel)
		}
		patterns = append(patterns, rel)
	}
	slices.Sort(patterns)
	return ids, patterns
}

// replaceResults returns the results with those of the packages analysed
// again replaced by the fresh ones (by the directory: every variant of a
// package is in both or neither), sorted by package ID.
func replaceResults(old, fresh []pkgResult) []pkgResult {
	dirs := map[string]bool{}
	for _, r := range fresh {
		dirs[r.pkg.Dir] = true
	}
	out := slices.DeleteFunc(slices.Clone(old), func(r pkgResult) bool { return dirs[r.pkg.Dir] })
	out = append(out, fresh...)
	slices.SortFunc(out, func(a, b pkgResult) int { return strings.Compare(a.pkg.ID, b.pkg.ID) })
	return out
}

// releaseSyntax drops a package's syntax trees and type information (not
// its types, which the packages loaded with it share).
func releaseSyntax(p *packages.Package) {
	p.Syntax, p.TypesInfo = nil, nil
}
