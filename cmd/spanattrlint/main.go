// Command spanattrlint reports OpenTelemetry attribute keys and span event
// names written as string literals, and with -fix rewrites them to the
// constants that hold the same values.
//
// Usage:
//
//	spanattrlint [flags] packages
//	go vet -vettool=$(which spanattrlint) [flags] packages
//
// Run spanattrlint -help for the flags.
package main

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/gen"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "gen" {
		os.Exit(gen.Main(os.Args[2:]))
	}
	a := analyzer.Analyzer
	stopOnConfigError(a)
	singlechecker.Main(a)
}

// stopOnConfigError makes a configuration error (a -constants entry that
// names no package) end the process with one line and exit status 1,
// before the driver applies any fix: the checker would otherwise report it
// per package and still apply the fixes of the others.
func stopOnConfigError(a *analysis.Analyzer) {
	run := a.Run
	var once sync.Once
	a.Run = func(pass *analysis.Pass) (any, error) {
		res, err := run(pass)
		var cerr *analyzer.ConfigError
		if errors.As(err, &cerr) {
			exit(&once, cerr)
		}
		return res, err
	}
}

func exit(once *sync.Once, err error) {
	once.Do(func() {
		fmt.Fprintf(os.Stderr, "%s: %v\n", analyzer.Name, err)
		os.Exit(1)
	})
	select {} // another goroutine is exiting
}
