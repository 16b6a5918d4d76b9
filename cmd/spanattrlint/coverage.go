package main

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"slices"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/coverage"
	"github.com/spanattrlint/spanattrlint/internal/regcheck"
)

// coverageUsage checks the flags -registry-coverage goes with: it needs
// -registry, and reports rather than fixes.
func coverageUsage(o *options, cfg *analyzer.Config) error {
	switch {
	case !o.registryCoverage:
		return nil
	case cfg.Registry == "":
		return errors.New("-registry-coverage needs -registry")
	case o.fix:
		return errors.New("-registry-coverage reports and fixes nothing: drop -fix")
	case o.printKeyFuncs:
		return errors.New("-registry-coverage and -print-key-funcs print different things: give one")
	}
	return nil
}

// printCoverage is -registry-coverage: what the analysed packages emit,
// compared with the registry each package's module reads, as a table on
// standard output or, with -json, as JSON. Findings are not printed. It
// returns 0, or 1 when a package has errors (what it emits is unknown,
// and nothing is printed).
func printCoverage(o *options, set *analyzer.Settings, graph *checker.Graph, initial []*packages.Package, cwd string) int {
	if broken := printPackageErrors(initial, cwd); len(broken) > 0 {
		fmt.Fprintf(os.Stderr, "%s: -registry-coverage printed nothing: %s\n", analyzer.Name, haveErrors(broken))
		return 1
	}
	emitted := map[*regcheck.Registry][]coverage.Emission{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			fmt.Fprintf(os.Stderr, "%s: %s\n", analyzer.Name, oneLine(act.Err.Error()))
			return 1
		}
		res, _ := act.Result.(*analyzer.Result)
		if res == nil {
			continue
		}
		reg, err := set.RegistryFor(act.Package.Dir)
		if err != nil {
			printError(err)
			return 1
		}
		if reg == nil {
			continue // the test main that go test generates: no directory, no key of the user's
		}
		list := emitted[reg]
		for _, e := range res.Emitted {
			p := act.Package.Fset.Position(e.Pos)
			list = append(list, coverage.Emission{Kind: kindOf(e.Role), Name: e.Value,
				Pos: coverage.Position{File: reg.Display(p.Filename), Line: p.Line, Col: p.Column}})
		}
		emitted[reg] = list
	}
	var reps []*coverage.Report
	for reg, list := range emitted {
		reps = append(reps, coverage.Build(reg, list))
	}
	slices.SortFunc(reps, func(a, b *coverage.Report) int { return cmp.Compare(a.Registry, b.Registry) })
	write := coverage.WriteTable
	if o.json {
		write = coverage.WriteJSON
	}
	if err := write(os.Stdout, reps); err != nil {
		printError(err)
		return 1
	}
	return 0
}

func kindOf(role string) coverage.Kind {
	switch role {
	case "event name":
		return coverage.Event
	case "metric name":
		return coverage.Metric
	}
	return coverage.Attribute
}
