package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// options are the driver's flags, with the names and meanings that the
// singlechecker driver gives them.
type options struct {
	json, fix, diff, tests, printFlags bool
	printKeyFuncs, registryCoverage    bool
	context                            int
	debug, tags                        string
	cpuProfile, memProfile, trace      string
}

// newFlagSet returns the command's flags: the analyzer's, which fill cfg,
// then the driver's. Errors are the caller's to print.
func newFlagSet(cfg *analyzer.Config) (*flag.FlagSet, *options) {
	o := &options{tests: true, context: -1}
	fs := flag.NewFlagSet(analyzer.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	cfg.BindFlags(fs)

	fs.BoolVar(&o.printFlags, "flags", false, "print analyzer flags in JSON")
	fs.Var(versionValue{}, "V", "print version and exit (-V=full: with the executable's hash, for go vet)")
	fs.BoolVar(&o.json, "json", false, "emit JSON output")
	fs.IntVar(&o.context, "c", -1, "display offending line with this many lines of context")
	fs.BoolVar(&o.fix, "fix", false, "apply all suggested fixes: every file or none (exit status 0 although\nfindings without a fix remain: run without -fix to list them)")
	fs.BoolVar(&o.diff, "diff", false, "with -fix, don't update the files, but print a unified diff")
	fs.BoolVar(&o.printKeyFuncs, "print-key-funcs", false, "print the -key-funcs value that names the wrappers found across the packages (and those\n"+
		"given), for go vet and golangci-lint, which see one package at a time; report nothing")
	fs.BoolVar(&o.registryCoverage, "registry-coverage", false, "with -registry: print, instead of the findings, each attribute, event and metric the registry\n"+
		"declares with whether and where the analysed packages emit it, then what they emit that it does\n"+
		"not declare; a table on standard output, or JSON with -json (docs/registry.md); exit status 0\n"+
		"unless an error (coverage is a report, not findings)")
	fs.StringVar(&o.debug, "debug", "", `debug flags, any subset of "eEfpstv" (e: compile the analysed packages for export data, as go/packages does;`+"\n"+
		`E: never, type-check them from source; by default only a package of 512 KiB of Go files or more is not compiled)`)
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write CPU profile to this file")
	fs.StringVar(&o.memProfile, "memprofile", "", "write memory profile to this file")
	fs.StringVar(&o.trace, "trace", "", "write trace log to this file")
	fs.BoolVar(&o.tests, "test", true, "indicates whether test files should be analyzed, too")
	// The legacy vet flags the driver accepts.
	_ = fs.Bool("source", false, "no effect (deprecated)")
	_ = fs.Bool("v", false, "no effect (deprecated)")
	_ = fs.Bool("all", false, "no effect (deprecated)")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags, as go build's -tags (GOFLAGS=-tags=... works too)")
	return fs, o
}

// flagError is the one line printed for a flag that does not parse.
func flagError(err error) string {
	return fmt.Sprintf("%s: %s; run '%s -help'", analyzer.Name, oneLine(err.Error()), analyzer.Name)
}

func usage(w io.Writer, fs *flag.FlagSet) {
	a := analyzer.Analyzer
	paras := strings.Split(a.Doc, "\n\n")
	fmt.Fprintf(w, "%s: %s\n\n", a.Name, paras[0])
	fmt.Fprintf(w, "Usage: %s [-C dir] [-flag] [package]   (-C, first: change to dir before anything else)\n", a.Name)
	fmt.Fprintf(w, "       go vet -vettool=$(which %s) [-flag] [package]\n", a.Name)
	fmt.Fprintf(w, "       %s gen -into=DIR [-flag] [package]   (write the missing constants: %s gen -help)\n\n", a.Name, a.Name)
	if len(paras) > 1 {
		fmt.Fprintln(w, strings.Join(paras[1:], "\n\n"))
	}
	fmt.Fprintln(w, "\nExit status: 0 when clean, 3 when it reports findings, 1 on any error (a bad flag too;\n"+
		"with -json, 0 unless it failed). -fix changes every file or none: 0 when it applied every fix,\n"+
		"3 when fixes that overlap applied ones are left for another run, 1 on an error (nothing changed).\n"+
		"-registry-coverage prints a report, not findings: 0 unless an error; 2 without -registry.")
	fmt.Fprintln(w, "\nFlags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// versionFlag finds -V or -V=VALUE among the flags before the first
// argument, as package flag would.
func versionFlag(args []string) (string, bool) {
	for _, arg := range args {
		if !strings.HasPrefix(arg, "-") || arg == "-" || arg == "--" {
			return "", false
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if name == "V" {
			if !hasValue {
				value = "true"
			}
			return value, true
		}
	}
	return "", false
}

// printVersion implements -V (the module version) and -V=full, which go
// vet runs to key its cache: "spanattrlint version VERSION buildID=HASH",
// with HASH the executable's SHA-256, so that a rebuilt binary is never
// taken for the one that made a cached result. For a build that is not a
// release, VERSION starts with "devel", which makes go vet use the hash.
func printVersion(v string) int {
	version := "devel"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		version = bi.Main.Version
		if strings.Contains(version, "-0.") || strings.Contains(version, "+dirty") || strings.HasPrefix(version, "v0.0.0-") {
			version = "devel " + version // a pseudo-version: a commit, not a release
		}
	}
	switch v {
	case "true":
		fmt.Printf("%s version %s %s\n", analyzer.Name, version, runtime.Version())
		return 0
	case "full":
	default:
		fmt.Fprintln(os.Stderr, flagError(fmt.Errorf("-V=%s: want -V or -V=full", v)))
		return 1
	}
	exe, err := os.Executable()
	if err != nil {
		printError(err)
		return 1
	}
	f, err := os.Open(exe)
	if err != nil {
		printError(err)
		return 1
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		printError(err)
		return 1
	}
	fmt.Printf("%s version %s %s buildID=%x\n", analyzer.Name, version, runtime.Version(), h.Sum(nil))
	return 0
}

// versionValue is the -V flag, listed in the help; main handles it before
// the flags are parsed.
type versionValue struct{}

func (versionValue) IsBoolFlag() bool { return true }
func (versionValue) String() string   { return "" }
func (versionValue) Set(string) error { return nil }
