package analyzer

import (
	_ "embed"
	"go/types"
	"iter"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/spanattrlint/spanattrlint/internal/cgofiles"
	"github.com/spanattrlint/spanattrlint/internal/check"
	"github.com/spanattrlint/spanattrlint/internal/find"
	"github.com/spanattrlint/spanattrlint/internal/index"
	"github.com/spanattrlint/spanattrlint/internal/modresolve"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/regcheck"
	"github.com/spanattrlint/spanattrlint/internal/semconv"
	"github.com/spanattrlint/spanattrlint/internal/site"
	"github.com/spanattrlint/spanattrlint/internal/suppress"
)

// Name is the analyzer's name, also the name that //nolint directives use.
const Name = "spanattrlint"

//go:embed doc.go
var doc string

var inspectorAnalyzer = inspect.Analyzer

// Analyzer reports hard-coded attribute keys and event names. Its flags
// fill the Config that the command passes on.
var Analyzer = New(Config{})

// New returns an analyzer with its own configuration and caches; flags
// registered on its FlagSet change that configuration until the first
// package is analysed, which decides it (Config.Resolve) and reports a
// ConfigError for every package if it is wrong. A front end that can
// decide first uses NewFromSettings.
func New(cfg Config) *analysis.Analyzer {
	l := &linter{cfg: cfg, res: modresolve.NewResolver()}
	a := l.analyzer()
	l.cfg.BindFlags(&a.Flags)
	return a
}

// NewFromSettings returns an analyzer with its own caches and the decided
// settings, whose -constants resolutions it reuses. Its flags show the
// settings and accept a command line, for a driver that parses the one
// the settings were decided from again (go vet's unitchecker), but change
// nothing.
func NewFromSettings(s *Settings) *analysis.Analyzer {
	l := &linter{cfg: s.cfg, set: s, res: s.res, loader: s.loader}
	a := l.analyzer()
	shown := s.config()
	shown.BindFlags(&a.Flags)
	return a
}

func (l *linter) analyzer() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       Name,
		Doc:        extractDoc(doc, Name),
		URL:        "https://pkg.go.dev/github.com/spanattrlint/spanattrlint/analyzer",
		Requires:   []*analysis.Analyzer{inspectorAnalyzer},
		Run:        l.run,
		ResultType: reflect.TypeFor[*Result](),
	}
}

// linter holds what is shared by every package the analyzer sees: the
// settings, and the caches of each run (internal/index runcache.go), which make each
// index once per run.
type linter struct {
	cfg Config

	once   sync.Once
	set    *Settings // decided by the front end, or at the first package
	cfgErr error
	res    *modresolve.Resolver // go.mod and go.work, for -constants and the semconv hint
	loader *index.Loader
	runs   index.Runs // the caches of each run, dropped when the run ends
}

// run is the pipeline of one package: each phase reads the pass
// (passState, which no phase changes) and what the phases before it
// returned, and returns what it finds. Findings are records that three
// later phases annotate, each its own fields (see finding).
func (l *linter) run(pass *analysis.Pass) (any, error) {
	st, err := l.newPassState(pass)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return &Result{}, nil // nothing in the package can be a finding
	}
	var fs findings
	hardCoded, consts, uses, sites := st.collectSites() // sites.go (internal/find): keys and names written, constants declared and used
	fs.hardCoded = hardCoded
	fs.derived = st.collectDeprecated(fs.hardCoded)           // deprecations.go: deprecated keys, written or as semconv constants
	vals := st.collectValueSites()                            // valuesites.go: constant keys set with a value, for the value checks
	semconv.CheckSchemaURLs(st.semconvInput())                // internal/semconv: one version's schema URL with another's attributes
	undeclared := st.checkRegistry(sites, vals, fs.hardCoded) // registry.go (internal/regcheck): keys, event names and values against -registry
	ins, metricFixes, unnamed := st.checkMetrics()            // metrics.go (internal/metrics): metric instrument names and units
	emitted := st.emitted(sites, ins)                         // coverage.go: with -registry-coverage, what the package emits
	if !st.found(&fs, consts, vals) {
		st.checkVersions(&fs, metricFixes) // semconvversion.go: imports of another semconv version
		reported := st.reported()
		st.buildFixes(&fs, metricFixes, st.pass.Report) // fixes.go: the metric names' fixes
		res := &Result{ConstantPackages: uses.Packages(), Emitted: emitted, Undeclared: undeclared, Unmatched: metricsUnmatched(unnamed)}
		st.offerConstants(res, &fs, metricFixes, unnamed, uses, reported, nil) // newconsts.go: metric names too
		return res, nil
	}
	srcs, uses := st.ix.Rank(slices.Concat(fs.hardCoded, fs.derived), uses) // internal/index: each finding's constants, best first
	st.markVarDefs(fs.hardCoded)                                            // vardef.go: keys that package variables define
	fs.hardCoded = st.dropPinning(fs.hardCoded)                             // pinning.go: test literals beside the constant they pin
	fs.members = st.checkValues(&fs, consts, uses, srcs, vals)              // internal/check: what each key, name and declared value says
	fs.members = append(fs.members, st.registryMemberFindings(vals)...)     // registry.go: the registry's enum members that a variable names
	st.checkVersions(&fs, metricFixes)                                      // semconvversion.go: -semconv-version; withdraws fixes a move breaks
	reported := st.reported()
	st.buildFixes(&fs, metricFixes, st.pass.Report)                     // fixes.go: each finding's diagnostic and fix, file by file
	res := result(fs.hardCoded, uses, emitted, undeclared)              // report.go: the Result for gen (and the messages)
	res.Unmatched = append(res.Unmatched, metricsUnmatched(unnamed)...) // metrics.go: the metric names no constant holds
	members := st.registryMembers(vals)                                 // registry.go: with WithNewConstants, the values a member variable may name
	res.Members = memberResult(members)
	st.offerConstants(res, &fs, metricFixes, unnamed, uses, reported, members) // newconsts.go: with WithNewConstants, the fixes were there more constants
	return res, nil
}

// passState is what every phase of one pass reads: the pass, its settings,
// and the package's index of constants (internal/index, whose memo of
// the semconv packages that fixes import is the only state a phase adds).
type passState struct {
	*linter
	pass     *analysis.Pass
	ix       *index.Pass // the candidate constants and their sources
	api      *otelapi.API
	sup      *suppress.Suppressor
	metric   *types.Package                   // go.opentelemetry.io/otel/metric, if the package reaches it
	dir      string                           // the package's directory, "" if none (packageDir)
	constPkg bool                             // -constants names the package: its constants' values are checked
	keyFuncs map[*types.Func][]site.FuncValue // -key-funcs and inferred wrappers that the package can call: the arguments that are keys or names
	reg      *regcheck.Registry               // -registry; nil without

	// With WithNewConstants: the diagnostics that reached the driver, and
	// cgo's move of a diagnostic into the user's files (nil: none).
	count   *int
	fromCgo func(func(analysis.Diagnostic)) func(analysis.Diagnostic)
}

// findings is every finding of a pass, in the order reports are built.
type findings struct {
	hardCoded []*site.Finding // hard-coded keys and names (collectSites), less test pins (dropPinning)
	derived   []*site.Finding // uses of deprecated semconv constants, then deprecated hard-coded keys (collectDeprecated)
	members   []*site.Finding // enum values that a semconv member names (checkValues; internal/check/enum.go)
}

// newPassState sets up a pass, or returns a nil state for a package that
// cannot hold a finding.
func (l *linter) newPassState(pass *analysis.Pass) (*passState, error) {
	if otelapi.IsSemconv(pass.Pkg.Path()) {
		return nil, nil
	}
	if err := l.validate(); err != nil {
		return nil, err
	}
	cgo := cgofiles.New(pass) // cmd/cgo's copies of the user's files, if any
	dir := packageDir(pass, cgo)
	mod, err := l.constantsFor(pass, dir)
	if err != nil {
		return nil, err
	}
	// Cheap first: a package that cannot reach the attribute, trace, log
	// or metric package cannot contain a finding.
	run := l.runs.Of(pass.Fset)
	r := run.Reach.Of(pass.Pkg)
	constPkg := index.Configured(mod, pass.Pkg.Path())
	keyFuncs, err := keyFuncsOf(l.set.keyFuncs, l.set.inferred, pass.Pkg) // keyfuncs.go: -key-funcs, as this package sees them
	if err != nil {
		return nil, err
	}
	if r.Attribute == nil && r.Trace == nil && r.Log == nil && r.Metric == nil && !constPkg && len(keyFuncs) == 0 {
		return nil, nil // nor a key or event name for -registry to check
	}
	reg, err := l.set.registryFor(dir) // registry.go: -registry, read once per module
	if err != nil {
		return nil, err
	}
	var count *int
	if l.set.newConsts {
		count = new(int)
		p, report := *pass, pass.Report
		p.Report = func(d analysis.Diagnostic) { *count++; report(d) }
		pass = &p
	}
	var fromCgo func(func(analysis.Diagnostic)) func(analysis.Diagnostic)
	if cgo != nil {
		// Findings in cgo's copies are reported in the user's files.
		fromCgo = cgo.Report
		p := *pass
		p.Report = cgo.Report(pass.Report)
		pass = &p
	}
	sup := suppress.New(pass, Name, !l.cfg.LeaveNolint, cgo)
	api := otelapi.New(r)
	ix := index.NewPass(index.PassInput{
		Pass: pass, API: api, Dir: dir, Constants: mod, Loader: l.loader, Run: run, Resolver: l.res, SemconvVersion: l.cfg.SemconvVersion,
	})
	return &passState{
		linter: l, pass: pass, ix: ix, api: api, sup: sup, metric: r.Metric, dir: dir, constPkg: constPkg, reg: reg,
		keyFuncs: keyFuncs, count: count, fromCgo: fromCgo,
	}, nil
}

// validate decides the configuration once for the run, unless the
// analyzer was built from Settings decided before (NewFromSettings).
func (l *linter) validate() error {
	l.once.Do(func() {
		if l.set == nil {
			if l.set, l.cfgErr = l.cfg.decide(l.res); l.cfgErr == nil {
				l.loader = l.set.loader
			}
		}
	})
	return l.cfgErr
}

// constantsFor resolves -constants from the module that holds dir (the
// package's directory); nil without -constants. It does so even in a
// package where nothing is found, so that a pattern naming no package is
// reported on every run.
func (l *linter) constantsFor(pass *analysis.Pass, dir string) (*index.Module, error) {
	return l.set.constants(dir, pass.Module != nil)
}

// found reports whether the first phases found anything to report or check.
func (st *passState) found(fs *findings, consts []find.Const, vals []check.ValueSite) bool {
	return len(fs.hardCoded) > 0 || len(fs.derived) > 0 || len(consts) > 0 || len(vals) > 0 || st.checksSemconvUses()
}

// all yields every finding, the hard-coded ones first.
func (fs *findings) all() iter.Seq[*site.Finding] {
	return func(yield func(*site.Finding) bool) {
		for _, list := range [][]*site.Finding{fs.hardCoded, fs.derived, fs.members} {
			for _, f := range list {
				if !yield(f) {
					return
				}
			}
		}
	}
}

// packageDir is the directory of the package's first source file, where
// the module that resolves -constants is found; for a cgo package, that
// of the user's files behind cgo's copies (go vet passes the copies in its
// $WORK directory); "" for a package with no file in a source tree, such
// as the test main package that go test generates in the build cache. The
// file's own name comes first (a //line directive may name a template
// anywhere), then the name its //line directive gives.
func packageDir(pass *analysis.Pass, cgo *cgofiles.Files) string {
	if dir := cgo.Dir(); dir != "" {
		return dir
	}
	for _, f := range pass.Files {
		own := pass.Fset.File(f.FileStart).Name()
		if cgo.OwnFile(own) {
			continue
		}
		for _, name := range []string{own, pass.Fset.Position(f.Package).Filename} {
			if !strings.HasSuffix(name, ".go") || cgofiles.InBuildCache(name) {
				continue
			}
			if abs, err := filepath.Abs(filepath.Dir(name)); err == nil {
				return abs
			}
		}
	}
	return ""
}

// extractDoc returns the "# Analyzer name" section of a package doc comment.
func extractDoc(src, name string) string {
	var lines []string
	in := false
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "//") {
			if in {
				break
			}
			continue
		}
		text := strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		if strings.HasPrefix(text, "# Analyzer ") {
			in = strings.TrimPrefix(text, "# Analyzer ") == name
			continue
		}
		if in {
			lines = append(lines, text)
		}
	}
	text := strings.TrimSpace(strings.Join(lines, "\n"))
	return strings.TrimPrefix(text, name+": ") // drivers print the name themselves
}
