package main

import (
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/fixes"
	"github.com/spanattrlint/spanattrlint/internal/interrupt"
	"github.com/spanattrlint/spanattrlint/internal/load"
	"github.com/spanattrlint/spanattrlint/internal/pkgerrors"
)

// standalone runs the command on the packages its arguments name and
// returns the exit status.
func standalone(args []string) int {
	var cfg analyzer.Config
	fs, o := newFlagSet(&cfg)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(os.Stderr, fs)
			return 0
		}
		fmt.Fprintln(os.Stderr, flagError(err))
		return 1
	}
	if o.printFlags {
		// Only go vet asks; vetMode sends it to the driver. Here for
		// completeness.
		vet(args, "")
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		usage(os.Stderr, fs)
		return 1
	}
	if o.diff && !o.fix {
		fmt.Fprintln(os.Stderr, flagError(errors.New("-diff needs -fix")))
		return 1
	}
	if err := coverageUsage(o, &cfg); err != nil {
		fmt.Fprintln(os.Stderr, flagError(err))
		return 2 // a usage error, as the go command's
	}
	if v := fs.Lookup("v"); v != nil && v.Value.String() == "true" && !strings.Contains(o.debug, "v") {
		o.debug += "v"
	}
	stop, err := profile(o)
	if err != nil {
		printError(err)
		return 1
	}
	defer stop()
	// The configuration is decided before any package is loaded, and its
	// -constants resolved in each package's module before any is
	// analysed: an error in it is one line and exit status 1.
	if o.tags != "" {
		cfg.BuildTags = strings.Split(o.tags, ",") // the -constants packages read from source see the same files
	}
	set, err := cfg.Resolve("")
	if err != nil {
		printError(err)
		return 1
	}
	// An interrupt ends the run at once, with the go command it started:
	// nothing is written before the fixes, and the fixes' journal undoes
	// what it wrote.
	defer interrupt.Watch(analyzer.Name, nil)()
	return lint(cfg, set, o, patterns)
}

func (o *options) dbg(b byte) bool { return strings.IndexByte(o.debug, b) >= 0 }

// lint loads, analyses, and prints or fixes.
func lint(cfg analyzer.Config, set *analyzer.Settings, o *options, patterns []string) int {
	cwd, _ := os.Getwd()
	initial, err := loadRoots(o, patterns)
	if err != nil {
		printError(err)
		return 1
	}
	wrappers, err := prepareRoots(set, initial)
	if err != nil {
		printError(err)
		return 1
	}
	if o.printKeyFuncs {
		return printKeyFuncs(cfg, wrappers, initial, cwd)
	}
	if set, err = set.WithWrappers(wrappers); err != nil {
		printError(err)
		return 1
	}
	if o.registryCoverage {
		set = set.WithCoverage() // the passes return what they emit
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.NewFromSettings(set)}, initial, &checker.Options{
		SanityCheck: o.dbg('s'),
		Sequential:  o.dbg('p'),
	})
	if err != nil {
		printError(err)
		return 1
	}
	// A configuration error that only the analysis found (a package whose
	// files are not in its directory, as //line directives can make them)
	// is the same for every package: said once, before anything else.
	for _, act := range graph.Roots {
		var cerr *analyzer.ConfigError
		if errors.As(act.Err, &cerr) {
			printError(cerr)
			return 1
		}
	}
	if o.registryCoverage {
		return printCoverage(o, set, graph, initial, cwd) // coverage.go
	}
	return result(o, graph, initial, cwd)
}

// loadRoots loads the packages that patterns match.
func loadRoots(o *options, patterns []string) ([]*packages.Package, error) {
	lcfg := &packages.Config{
		Mode:  packages.LoadSyntax | packages.NeedModule,
		Tests: o.tests,
	}
	if o.tags != "" {
		lcfg.BuildFlags = []string{"-tags=" + o.tags}
	}
	initial, err := loadPackages(lcfg, o, patterns)
	if err == nil && len(initial) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	return initial, err
}

// prepareRoots resolves the configuration for the packages that will be
// analysed, checks -key-funcs against them, and returns the wrappers of
// the main module's packages.
func prepareRoots(set *analyzer.Settings, initial []*packages.Package) ([]string, error) {
	var tps []*types.Package
	for _, p := range initial {
		if p.IllTyped {
			continue // not analysed: its errors are printed instead
		}
		if err := set.Prepare(p.PkgPath, p.Dir, p.Module != nil); err != nil {
			return nil, err
		}
		tps = append(tps, p.Types)
	}
	// Every -key-funcs name must match a function of the packages or of
	// what they import: the command sees them all, a pass only its own.
	if err := set.CheckKeyFuncs(tps); err != nil {
		return nil, err
	}
	// The wrappers of the main module's packages, which other packages
	// call: found here, where every package is at hand, and handed to the
	// analyzer as -key-funcs entries, without analysis facts.
	return set.InferKeyFuncs(inferable(initial)), nil
}

// printKeyFuncs is -print-key-funcs: the -key-funcs value with the
// wrappers found.
func printKeyFuncs(cfg analyzer.Config, wrappers []string, initial []*packages.Package, cwd string) int {
	// A package that does not type-check may hold a wrapper: no value
	// that could lack one is printed.
	if broken := printPackageErrors(initial, cwd); len(broken) > 0 {
		fmt.Fprintf(os.Stderr, "%s: -print-key-funcs printed nothing: %s\n", analyzer.Name, haveErrors(broken))
		return 1
	}
	value := slices.Clone(cfg.KeyFuncs)
	for _, w := range wrappers {
		if !slices.Contains(value, w) {
			value = append(value, w)
		}
	}
	fmt.Println(strings.Join(value, ","))
	return 0
}

// result prints the errors, each once (the packages', then the
// analysis's), and then the findings, or fixes them; it returns the exit
// status.
func result(o *options, graph *checker.Graph, initial []*packages.Package, cwd string) int {
	broken := printPackageErrors(initial, cwd)
	var ok []*checker.Action
	seen := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Err == nil {
			ok = append(ok, act)
			continue
		}
		if act.Package.IllTyped {
			continue // "analysis skipped due to errors in package": said above
		}
		broken = append(broken, act.Package.PkgPath)
		if msg := oneLine(act.Err.Error()); !seen[msg] {
			seen[msg] = true
			fmt.Fprintf(os.Stderr, "%s: %s\n", analyzer.Name, msg)
		}
	}
	failed := len(broken) > 0
	switch {
	case o.fix && failed:
		fmt.Fprintf(os.Stderr, "%s: -fix changed no file: %s\n", analyzer.Name, haveErrors(broken))
		return 1
	case o.fix:
		return fix(o, graph.Roots, cwd)
	case o.json:
		if err := graph.PrintJSON(os.Stdout); err != nil || failed {
			return 1
		}
		return 0
	}
	if err := (&checker.Graph{Roots: ok}).PrintText(os.Stderr, o.context); err != nil || failed {
		return 1
	}
	for _, act := range ok {
		if len(act.Diagnostics) > 0 {
			return 3
		}
	}
	return 0
}

// inferable returns the packages of the main modules whose wrappers the
// analyzer should know in every package: each package once (not its test
// variants, whose non-test files are its own), well typed.
func inferable(initial []*packages.Package) []analyzer.Package {
	var out []analyzer.Package
	for _, p := range initial {
		if p.IllTyped || p.ID != p.PkgPath || p.Module == nil || !p.Module.Main || p.Types == nil {
			continue
		}
		out = append(out, analyzer.Package{Fset: p.Fset, Files: p.Syntax, Types: p.Types, Info: p.TypesInfo})
	}
	return out
}

// loadPackages loads the packages with their syntax and types. Where a
// package is large (load.HasLargePackage), the go command compiles only
// their dependencies, for export data, and the packages themselves are
// type-checked from source (internal/load), unless they need go/packages'
// own load; elsewhere go/packages' one go list, which the build cache
// makes cheap, costs less than two. -debug=E asks for internal/load and
// -debug=e for go/packages' load whatever the sizes, for comparison.
func loadPackages(cfg *packages.Config, o *options, patterns []string) ([]*packages.Package, error) {
	if !o.dbg('e') && (o.dbg('E') || load.HasLargePackage(cfg.Dir, patterns)) {
		pkgs, err := load.Syntax(cfg, patterns...)
		switch {
		case err == nil && len(pkgs) > 0:
			return pkgs, nil
		case err != nil && !errors.Is(err, load.ErrFallback):
			return nil, errors.New(pkgerrors.GoCommand(err))
		}
	}
	return pkgerrors.Load(cfg, patterns...)
}

// printPackageErrors prints the errors of the packages and their
// dependencies, each once (see pkgerrors.List), and returns the paths of
// the packages that have them.
func printPackageErrors(initial []*packages.Package, cwd string) []string {
	errs, paths := pkgerrors.List(initial, cwd)
	for _, e := range errs {
		if e.Pos == "" {
			fmt.Fprintf(os.Stderr, "%s: %s\n", analyzer.Name, e.Msg)
		} else {
			fmt.Fprintln(os.Stderr, e)
		}
	}
	return paths
}

// haveErrors says which packages have errors.
func haveErrors(paths []string) string {
	slices.Sort(paths)
	paths = slices.Compact(paths)
	switch n := len(paths); {
	case n == 1:
		return "package " + paths[0] + " has errors"
	case n <= 3:
		return "packages " + strings.Join(paths[:n-1], ", ") + " and " + paths[n-1] + " have errors"
	default:
		return fmt.Sprintf("packages %s and %d more have errors", strings.Join(paths[:2], ", "), n-2)
	}
}

// fix applies the first fix of every finding, in every file or none.
func fix(o *options, roots []*checker.Action, cwd string) int {
	set := fixSet(roots)
	display := func(name string) string { return relTo(cwd, name) }
	changes, err := fixes.Apply(set, os.ReadFile, display)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: -fix changed no file: %s\n", analyzer.Name, oneLine(err.Error()))
		return 1
	}
	left := func() int {
		if set.Skipped == 0 {
			return 0
		}
		fmt.Fprintf(os.Stderr, "%s: applied %s to %s; %s overlap those and were left: run %s -fix again\n",
			analyzer.Name, plural(set.Applied, "fix", "fixes"), plural(len(changes), "file", "files"),
			plural(set.Skipped, "fix", "fixes"), analyzer.Name)
		return 3
	}
	if o.diff {
		for _, c := range changes {
			rel := display(c.Name)
			oldName, newName := "a/"+rel, "b/"+rel
			if filepath.IsAbs(rel) {
				oldName, newName = rel, rel
			}
			os.Stdout.WriteString(fixes.Unified(oldName, newName, c.Old, c.New))
		}
		return left()
	}
	if code := writeChanges(changes, display); code != 0 {
		return code
	}
	return left()
}

// fixSet takes the first suggested fix of every finding, in package
// order, but those that edit a generated file.
func fixSet(roots []*checker.Action) *fixes.Set {
	roots = slices.Clone(roots)
	slices.SortStableFunc(roots, func(a, b *checker.Action) int { return strings.Compare(a.Package.ID, b.Package.ID) })
	set := &fixes.Set{}
	generated := map[*token.File]bool{}
	for _, act := range roots {
		fset := act.Package.Fset
		for _, f := range act.Package.Syntax {
			if ast.IsGenerated(f) {
				generated[fset.File(f.FileStart)] = true
			}
		}
	diags:
		for _, d := range act.Diagnostics {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			var edits []fixes.FileEdit
			for _, te := range d.SuggestedFixes[0].TextEdits {
				tf := fset.File(te.Pos)
				if tf == nil || generated[tf] {
					continue diags
				}
				end := te.End
				if !end.IsValid() {
					end = te.Pos
				}
				edits = append(edits, fixes.FileEdit{File: tf.Name(), Size: tf.Size(),
					Edit: fixes.Edit{Start: tf.Offset(te.Pos), End: tf.Offset(end), Text: string(te.NewText)}})
			}
			if len(edits) == 0 {
				continue
			}
			findFile, findStart, findEnd := "", 0, 0
			if tf := fset.File(d.Pos); tf != nil {
				end := d.End
				if !end.IsValid() || fset.File(end) != tf {
					end = d.Pos
				}
				findFile, findStart, findEnd = tf.Name(), tf.Offset(d.Pos), tf.Offset(end)
			}
			set.Add(edits, findFile, findStart, findEnd)
		}
	}
	return set
}

// writeChanges writes every changed file, once each is known to be
// writable, or none: it undoes what it wrote on a failure (or an
// interrupt). It returns 0, or 1 having said why.
func writeChanges(changes []fixes.Change, display func(string) string) int {
	var refused []string
	for _, c := range changes {
		if err := fixes.Writable(fixes.Target(c.Name)); err != nil {
			refused = append(refused, fmt.Sprintf("%s is not writable: %v", display(c.Name), errText(err)))
		}
	}
	if len(refused) > 0 {
		more := ""
		if len(refused) > 1 {
			more = fmt.Sprintf(" (and %s)", plural(len(refused)-1, "more file", "more files"))
		}
		fmt.Fprintf(os.Stderr, "%s: -fix changed no file: %s%s\n", analyzer.Name, refused[0], more)
		return 1
	}
	var j fixes.Journal
	stop := j.UndoOnSignal(analyzer.Name)
	defer stop()
	for _, c := range changes {
		if err := j.Write(c.Name, c.New); err != nil {
			msg := fmt.Sprintf("-fix changed no file: writing %s: %v", display(c.Name), errText(err))
			if uerr := j.Undo(); uerr != nil {
				msg = fmt.Sprintf("-fix: writing %s: %v; and undoing the files written before failed: %v", display(c.Name), errText(err), uerr)
			}
			fmt.Fprintf(os.Stderr, "%s: %s\n", analyzer.Name, msg)
			return 1
		}
	}
	return 0
}

// errText is an error's message without the path that the message
// around it already names.
func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func relTo(dir, name string) string {
	if dir != "" {
		if rel, err := filepath.Rel(dir, name); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return name
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// profile starts what -cpuprofile, -memprofile and -trace ask for.
func profile(o *options) (stop func(), err error) {
	var stops []func()
	stop = func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			return stop, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return stop, err
		}
		stops = append(stops, pprof.StopCPUProfile)
	}
	if o.trace != "" {
		f, err := os.Create(o.trace)
		if err != nil {
			return stop, err
		}
		if err := trace.Start(f); err != nil {
			return stop, err
		}
		stops = append(stops, trace.Stop)
	}
	if o.memProfile != "" {
		f, err := os.Create(o.memProfile)
		if err != nil {
			return stop, err
		}
		stops = append(stops, func() {
			runtime.GC()
			pprof.WriteHeapProfile(f)
			f.Close()
		})
	}
	return stop, nil
}
