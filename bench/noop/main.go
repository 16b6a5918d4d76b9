// Command noop is the whole-process baseline for the spanattrlint
// benchmark (see ../README.md): a singlechecker whose only analyzer
// requires inspect.Analyzer, exactly as spanattrlint does, and then does
// nothing. Everything it costs — loading, parsing and type-checking the
// packages, building the inspector, and (under go vet) the per-package
// process start — is the floor that any such linter pays, so a linter's
// cost is read as a ratio to this one in the same mode.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/analysis/singlechecker"
)

// Analyzer is the no-op baseline analyzer. It has no flags and no facts.
var Analyzer = &analysis.Analyzer{
	Name:     "noop",
	Doc:      "does nothing: the whole-process baseline for benchmarking spanattrlint",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { singlechecker.Main(Analyzer) }
