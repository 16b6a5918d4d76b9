// Package gen is the spanattrlint gen subcommand: it writes the constants
// package that the code needs, then points every use at it.
//
// It runs the analyzer over the packages once, collects the attribute keys
// and event names (span names with -span-names) that no constant defines,
// renders one constant per value into a file of the target package, has
// the analysis of the packages that write those values build their fixes
// again with the new constants offered (analyzer.Result.WithConstants),
// and applies the fixes. Everything is computed and type-checked in
// memory before any file is written; a failure or a -dry-run writes
// nothing.
package gen

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

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
	// Declare is -declare: instead of constants, the keys and event
	// names the code emits and Registry does not declare are appended to
	// a registry file, DeclareFile (relative to the registry directory),
	// else groups/<package>.yaml (Declare).
	Declare     bool
	DeclareFile string

	// Log, if not nil, is told what each phase did, one line each (-v):
	// the packages loaded and analysed, how the fixes were type-checked.
	Log io.Writer
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
	verbose := fs.Bool("v", false, "say on standard error what each phase did: the packages loaded and analysed, how the fixes were checked")
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
	registryFlags(fs, &o)
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
	if *verbose && o.Log == nil {
		o.Log = stderr
	}
	stop, err := startProfiles(cpuProfile, memProfile)
	if err != nil {
		fmt.Fprintf(stderr, "spanattrlint gen: %s\n", firstLine(err.Error()))
		return 1
	}
	defer stop()
	// An interrupt ends the run at once, with the go commands it started;
	// the journal of what it wrote (undoOnSignal) undoes that first.
	defer interrupt.Watch("spanattrlint gen", nil)()
	run := func(o Options) error { _, err := Run(o); return err }
	if o.Declare {
		run = func(o Options) error { _, err := Declare(o); return err }
	} else if o.DeclareFile != "" {
		fmt.Fprintln(stderr, "spanattrlint gen: -declare-file is for -declare")
		return 1
	}
	if err := run(o); err != nil {
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

// registryFlags declares the flags of -registry and -declare on fs.
func registryFlags(fs *flag.FlagSet, o *Options) {
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
	fs.BoolVar(&o.Declare, "declare", false, "instead of constants, add the keys and event names the code emits and the -registry does not\ndeclare to a registry file (groups/<package>.yaml under the registry), in the registry's syntax")
	fs.StringVar(&o.DeclareFile, "declare-file", "", "with -declare: the registry file to add them to, relative to the registry directory\n(default groups/<package>.yaml, by the Go package that first emits each)")
}

func usage(fs *flag.FlagSet) {
	w := fs.Output()
	fmt.Fprint(w, `usage: spanattrlint gen -into=DIR|IMPORTPATH [flags] packages
       spanattrlint gen -registry=DIR -declare [-declare-file=FILE] [flags] packages

spanattrlint gen writes the constants package that the code needs, then fixes
every use. It collects the hard-coded OpenTelemetry attribute keys, span
event names and metric instrument names (span names too with -span-names) of
the packages for which no constant exists anywhere, and writes one constant per value into a file of the
-into package, creating the package if needed:

	// GenAIUsagePromptTokensKey is the attribute key "gen_ai.usage.prompt_tokens", first seen at engine/engine.go:139.
	GenAIUsagePromptTokensKey = attribute.Key("gen_ai.usage.prompt_tokens")
	// JourneyQueuedEvent is the event name "journey.QUEUED", first seen at engine/engine.go:142.
	JourneyQueuedEvent = "journey.QUEUED"

Attribute keys get attribute.Key constants (so that the fix writes
telemetry.GenAIUsagePromptTokensKey.Int(n)), event, span and metric names
untyped ones (AppJobsProcessedName for the metric "app.jobs.processed"). Names follow the semantic conventions' style; two values that would
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
import it (an import cycle). All edits, the new constants file included, are
computed and type-checked before any file is written; on an error, or with
-dry-run, nothing is written at all.

With -registry, only the keys and event names that the registry (or a
dependency) declares get constants, each comment naming the declaration; the
others are left as they are, with a note.

With -declare, gen writes the registry of -registry instead: it adds the
attribute keys and event names that the code emits and the registry does not
declare (those spanattrlint -registry reports as undeclared, but for keys only
_test.go files emit) to groups/<package>.yaml under the registry, or to
-declare-file, in the registry's syntax: each with the type its values'
constructors imply (attribute.Int64: int, StringSlice: string[]; string, with
a note, when no call says), stability development, and a brief that says where
it was seen. A second run adds nothing.

Example:

	spanattrlint gen -into=./internal/telemetry ./...
	spanattrlint gen -registry=telemetry -declare ./...

Flags:
`)
	fs.PrintDefaults()
}
