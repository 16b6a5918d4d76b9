// Command spanattrlint reports OpenTelemetry attribute keys and span event
// names written as string literals, and with -fix rewrites them to the
// constants that hold the same values.
//
// Usage:
//
//	spanattrlint [-C dir] [flags] packages
//	go vet -vettool=$(which spanattrlint) [flags] packages
//	spanattrlint gen -into=DIR [flags] packages
//
// Run spanattrlint -help for the flags.
//
// Standalone, the command loads the packages with go/packages, runs the
// analyzer with golang.org/x/tools/go/analysis/checker and prints what
// the singlechecker driver prints (the same text and -json output); -fix
// applies the fixes itself (package internal/fixes), all of them or none.
// Invoked by go vet (a .cfg file, -flags), it is the unitchecker of
// golang.org/x/tools/go/analysis/singlechecker. Either way, and in gen, the
// configuration is decided (analyzer.Config.Resolve, Settings.Prepare)
// before any package is analysed, and an error in it is one line.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/gen"
	"github.com/spanattrlint/spanattrlint/internal/registry"
)

func main() {
	args, err := chdir(os.Args[1:])
	if err != nil {
		printError(err)
		os.Exit(1)
	}
	if len(args) > 0 {
		switch args[0] {
		case "gen":
			os.Exit(gen.Main(args[1:]))
		case "help":
			os.Exit(help(args[1:]))
		}
	}
	if v, ok := versionFlag(args); ok {
		os.Exit(printVersion(v))
	}
	if cfg, ok := vetMode(args); ok {
		vet(args, cfg) // does not return
	}
	os.Exit(standalone(args))
}

// chdir handles "-C dir" (or -C=dir) as the go command does: first of
// all arguments, it changes to dir before anything else, so that one
// command runs spanattrlint on a module in another directory, such as
// the bundled example from the repository's root. It returns the rest.
func chdir(args []string) ([]string, error) {
	if len(args) == 0 {
		return args, nil
	}
	var dir string
	switch a := strings.TrimPrefix(args[0], "-"); {
	case a == "-C" || a == "C":
		if len(args) < 2 {
			return nil, fmt.Errorf("flag needs an argument: -C")
		}
		dir, args = args[1], args[2:]
	case strings.HasPrefix(a, "C=") || strings.HasPrefix(a, "-C="):
		_, dir, _ = strings.Cut(a, "=")
		args = args[1:]
	default:
		return args, nil
	}
	if err := os.Chdir(dir); err != nil {
		return nil, fmt.Errorf("-C: %w", err)
	}
	return args, nil
}

// help is "spanattrlint help [gen]".
func help(args []string) int {
	if len(args) > 0 && args[0] == "gen" {
		return gen.Main([]string{"-help"})
	}
	fs, _ := newFlagSet(&analyzer.Config{})
	usage(os.Stderr, fs)
	return 0
}

func printError(err error) {
	fmt.Fprintln(os.Stderr, errorLine(err))
}

// errorLine is the one line that says err: a registry that cannot be read
// as "registry/shop.yaml:LINE:COL: what", as the compiler names a place in
// a file; any other error after the command's name.
func errorLine(err error) string {
	var re *registry.Error
	if errors.As(err, &re) {
		return oneLine(re.Error())
	}
	return fmt.Sprintf("%s: %s", analyzer.Name, oneLine(err.Error()))
}

// oneLine joins the lines of a message.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "\n") {
		return s
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}
