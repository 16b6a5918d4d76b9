// Command spanattrlint reports OpenTelemetry attribute keys and span event
// names written as string literals, and with -fix rewrites them to the
// constants that hold the same values.
//
// Usage:
//
//	spanattrlint [flags] packages
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
	"fmt"
	"os"
	"strings"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/gen"
)

func main() {
	args := os.Args[1:]
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
	fmt.Fprintf(os.Stderr, "%s: %s\n", analyzer.Name, oneLine(err.Error()))
}

// oneLine joins the lines of a message.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "\n") {
		return s
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}
