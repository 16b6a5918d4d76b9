package main

import "flag"

var (
	flagN         = flag.Int("n", 7, "timed runs of each tool in each mode")
	flagWarmup    = flag.Int("warmup", 1, "untimed rounds before the timed ones")
	flagTools     = flag.String("tools", "noop,spanattrlint,usestdlibvars,sloglint", "comma-separated tools: noop, spanattrlint, usestdlibvars, sloglint; a repeated name is run again as NAME#2 (noop,noop shows the noise floor); the first noop is the baseline")
	flagModes     = flag.String("modes", "standalone,vet", "comma-separated modes: standalone (TOOL -test=false ./...), vet (go vet -vettool=TOOL ./...)")
	flagConstants = flag.String("constants", "github.com/openfga/openfga/internal/utils/apimethod", "with spanattrlint, also time it with -constants=`PKG` (empty: don't)")
	flagOpenFGA   = flag.String("openfga", "v1.22.1", "version of github.com/openfga/openfga to analyse")
	flagUsestd    = flag.String("usestdlibvars", "v1.29.0", "version of github.com/sashamelentyev/usestdlibvars")
	flagSloglint  = flag.String("sloglint", "v0.12.0", "version of go-simpler.org/sloglint")
	flagCache     = flag.String("cache", "", "scratch `dir` for openfga, the binaries and the results (default REPO/.cache/bench)")
	flagGocache   = flag.Bool("private-gocache", true, "run the openfga commands with a GOCACHE of their own under the scratch dir, so that the vet entries each run adds stay out of the user's cache")
	flagVetWrap   = flag.Bool("vetwrap", true, "in vet mode, run each vet-tool process through a wrapper that records its own rusage (peak RSS and CPU of the analysis processes alone); false: time bare copies of the binaries and report the go command's process-tree peak only")
	flagVetBare   = flag.Bool("vetbare", false, "with -vetwrap, add a vet row for the no-op run without the wrapper, to measure the wrapper's own cost (its RSS column is then the process-tree peak)")
	flagVerbose   = flag.Bool("v", false, "print each run as it ends")
	flagGen       = flag.String("gen", "./internal/telemetry", "with spanattrlint, also time (standalone) spanattrlint gen -dry-run -into=`DIR`, gen -into=DIR and -fix, each on a fresh copy of openfga, against the lint row (empty: don't)")
)
