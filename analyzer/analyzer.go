package analyzer

import (
	_ "embed"
	"go/ast"
	"go/types"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/spanattrlint/spanattrlint/internal/modresolve"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
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
// settings, and the caches of each run (runcache.go), which make each
// index once per run.
type linter struct {
	cfg Config

	once   sync.Once
	set    *Settings // decided by the front end, or at the first package
	cfgErr error
	res    *modresolve.Resolver // go.mod and go.work, for -constants and the semconv hint
	loader *constLoader
	runs   runs // the caches of each run, dropped when the run ends
}

func (l *linter) run(pass *analysis.Pass) (any, error) {
	st, err := l.newPassState(pass)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return &Result{}, nil // nothing in the package can be a finding
	}
	st.collectSites()      // sites.go: keys and names written, constants declared and used
	st.collectDeprecated() // keycheck.go: deprecated keys, written or as semconv constants
	st.collectValueSites() // valuesites.go: constant keys set with a value, for the value checks
	st.checkSchemaURLs()   // schemaurl.go: one version's schema URL with another's attributes
	st.checkMetrics()      // metrics.go: metric instrument names and units (internal/metrics)
	if !st.found() {
		st.checkVersions() // semconvversion.go: imports of another semconv version
		return &Result{ConstantPackages: st.constantPackages()}, nil
	}
	st.gatherSources()  // sources.go: the constant tables that may name a value
	st.rankCandidates() // rank.go: each finding's constants, best first
	for st.adoptFixedPackages() {
		st.srcs = nil // the fixes make more packages' constants in use: again, with them
		st.gatherSources()
		st.rankCandidates()
	}
	st.markVarDefs()        // vardef.go: keys that package variables define
	st.dropPinning()        // pinning.go: test literals beside the constant they pin
	st.checkValues()        // keycheck.go: what each key, name and declared value says
	st.checkVersions()      // semconvversion.go: -semconv-version; withdraws fixes a move breaks
	st.buildFixes()         // fixes.go: each finding's diagnostic and fix, file by file
	return st.result(), nil // report.go: the Result for gen (and the messages)
}

// passState is what the phases of one pass find and hand on.
type passState struct {
	*linter
	pass     *analysis.Pass
	run      *runCaches // what the packages of the run share
	api      *otelAPI
	sup      *suppressor
	metric   *types.Package              // go.opentelemetry.io/otel/metric, if the package reaches it
	dir      string                      // the package's directory, "" if none (packageDir)
	mod      *modInfo                    // the -constants packages, seen from the module; nil without
	constPkg bool                        // -constants names the package: its constants' values are checked
	keyFuncs map[*types.Func][]funcValue // -key-funcs and inferred wrappers that the package can call: the arguments that are keys or names

	// Found by the first phases.
	hardCoded []*finding            // hard-coded keys and names
	derived   []*finding            // uses of deprecated semconv constants, then deprecated hard-coded keys
	consts    []constSpec           // the package's const declarations
	inUse     map[string]bool       // packages whose constants are used as keys
	localUse  map[*types.Const]role // the package's constants used as keys or names

	valueSites []valueSite // constant keys set with a value (valuesites.go)
	members    []*finding  // enum values that a semconv member names, found by checkValues (enum.go)

	srcs []sourceTable // candidate constants, in order of preference

	// The semconv version that fixes import where the package imports
	// none, and the packages made for them (semconvfix.go).
	fixVersion     string
	fixVersionDone bool
	madePkgs       map[string]*types.Package
	madeInUse      map[string]bool           // made packages that fixes write (adoptFixedPackages)
	deps           map[string]*types.Package // importGraph, made on first use
}

// newPassState sets up a pass, or returns a nil state for a package that
// cannot hold a finding.
func (l *linter) newPassState(pass *analysis.Pass) (*passState, error) {
	if isSemconv(pass.Pkg.Path()) {
		return nil, nil
	}
	if err := l.validate(); err != nil {
		return nil, err
	}
	cgo := newCgoFiles(pass) // cmd/cgo's copies of the user's files, if any
	dir := packageDir(pass, cgo)
	mod, err := l.constantsFor(pass, dir)
	if err != nil {
		return nil, err
	}
	// Cheap first: a package that cannot reach the attribute, trace, log
	// or metric package cannot contain a finding.
	run := l.runs.of(pass.Fset)
	r := run.reach.of(pass.Pkg)
	constPkg := configured(mod, pass.Pkg.Path())
	keyFuncs, err := keyFuncsOf(l.set.keyFuncs, l.set.inferred, pass.Pkg) // keyfuncs.go: -key-funcs, as this package sees them
	if err != nil {
		return nil, err
	}
	if r.attribute == nil && r.trace == nil && r.log == nil && r.metric == nil && !constPkg && len(keyFuncs) == 0 {
		return nil, nil
	}
	if cgo != nil {
		// Findings in cgo's copies are reported in the user's files.
		p := *pass
		p.Report = cgo.report(pass.Report)
		pass = &p
	}
	sup := newSuppressor(pass, !l.cfg.LeaveNolint)
	sup.cgo = cgo
	return &passState{
		linter: l, pass: pass, run: run, api: newOtelAPI(r), sup: sup, metric: r.metric, dir: dir, mod: mod, constPkg: constPkg,
		inUse: map[string]bool{}, localUse: map[*types.Const]role{}, keyFuncs: keyFuncs,
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
func (l *linter) constantsFor(pass *analysis.Pass, dir string) (*modInfo, error) {
	return l.set.constants(dir, pass.Module != nil)
}

// found reports whether the first phases found anything to report or check.
func (st *passState) found() bool {
	return len(st.hardCoded) > 0 || len(st.derived) > 0 || len(st.consts) > 0 || len(st.valueSites) > 0 || st.checksSemconvUses()
}

// findings yields every finding, the hard-coded ones first.
func (st *passState) findings() iter.Seq[*finding] {
	return func(yield func(*finding) bool) {
		for _, f := range st.hardCoded {
			if !yield(f) {
				return
			}
		}
		for _, f := range st.derived {
			if !yield(f) {
				return
			}
		}
		for _, f := range st.members {
			if !yield(f) {
				return
			}
		}
	}
}

// A finding is a hard-coded site, or a deprecated key, with its ranked
// candidates: constants of the site's value, or of the new key.
type finding struct {
	site  *site
	file  *ast.File
	cands []candidate
	dep   *semconvtab.Deprecated // a deprecated key, to migrate to dep.RenamedTo
	noFix bool
	enum  *memberUse // an enum value that a semconv member variable names (enum.go)
	// varDef: the key initialises a package variable, or such a variable
	// defines it and no constant does (vardef.go).
	varDef *varDefUse
}

// lookupValue is the value whose constants can replace the site.
func (f *finding) lookupValue() string {
	if f.dep != nil && f.dep.RenamedTo != "" {
		return f.dep.RenamedTo
	}
	return f.site.value
}

// best is the candidate the message names and the fix uses.
func (f *finding) best() *candidate {
	if len(f.cands) == 0 {
		return nil
	}
	return &f.cands[0]
}

// fixConst is the constant the fix writes, or nil; a migration without
// one writes the new key as a literal.
func (f *finding) fixConst() *types.Const {
	if c := f.best(); c != nil && c.fixable() {
		return c.obj
	}
	return nil
}

func (f *finding) wantsFix() bool {
	if f.enum != nil {
		return !f.noFix && f.enum.obj != nil
	}
	return !f.noFix && (f.dep != nil || f.fixConst() != nil)
}

// matched reports whether some constant names the finding's value, one the
// module can use (for Result.Unmatched, which gen makes constants for).
func (f *finding) matched() bool {
	return slices.ContainsFunc(f.cands, func(c candidate) bool { return c.counts() })
}

// packageDir is the directory of the package's first source file, where
// the module that resolves -constants is found; for a cgo package, that
// of the user's files behind cgo's copies (go vet passes the copies in its
// $WORK directory); "" for a package with no file in a source tree, such
// as the test main package that go test generates in the build cache. The
// file's own name comes first (a //line directive may name a template
// anywhere), then the name its //line directive gives.
func packageDir(pass *analysis.Pass, cgo *cgoFiles) string {
	if dir := cgo.dir(); dir != "" {
		return dir
	}
	for _, f := range pass.Files {
		own := pass.Fset.File(f.FileStart).Name()
		if cgo.ownFile(own) {
			continue
		}
		for _, name := range []string{own, pass.Fset.Position(f.Package).Filename} {
			if !strings.HasSuffix(name, ".go") || inBuildCache(name) {
				continue
			}
			if abs, err := filepath.Abs(filepath.Dir(name)); err == nil {
				return abs
			}
		}
	}
	return ""
}

// inBuildCache reports whether a file is one the go command generated in
// its build cache (cgo output, test mains).
func inBuildCache(name string) bool {
	cache := os.Getenv("GOCACHE")
	if cache == "" {
		if dir, err := os.UserCacheDir(); err == nil {
			cache = filepath.Join(dir, "go-build")
		}
	}
	return cache != "" && strings.HasPrefix(name, cache+string(filepath.Separator))
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
