package main

import (
	"flag"
	"os"
)

var (
	flagRepo      = flag.String("repo", "..", "root of the spanattrlint checkout to build the linter from")
	flagCache     = flag.String("cache", os.Getenv("SPANATTRLINT_REALWORLD_CACHE"), "scratch `dir` for the module copies, the binary and the results (default REPO/.cache/realworld; env SPANATTRLINT_REALWORLD_CACHE)")
	flagModules   = flag.String("modules", defaultModules, "space-separated `LABEL=PATH@VERSION[:FLAG...]` modules to run: FLAGs (no commas; repeat -constants=PKG for more) go to every spanattrlint run of that row; PATH@VERSION alone takes the last path element as label")
	flagOnly      = flag.String("only", "", "comma-separated labels: run only these of -modules")
	flagSpanNames = flag.Bool("span-names", true, "pass -span-names to spanattrlint (span names are then reported, counted and fixed too)")
	flagTest      = flag.Bool("test", true, "pass -test (analyse test files) to spanattrlint")
	flagGoTest    = flag.String("gotest", "otelhttp,otelgrpc", "comma-separated labels of modules whose go test ./... is run before and after the fix (a package that passed before and fails after is breakage)")
	flagRev       = flag.String("rev", "", "build spanattrlint from this git `revision` of -repo (git archive) instead of the working tree")
	flagFresh     = flag.Bool("fresh", false, "copy the modules out of the module cache again even if a copy exists")
	flagVerbose   = flag.Bool("v", false, "print every command as it runs")
)
