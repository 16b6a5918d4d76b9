package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// Loading a testdata module type-checks the real otel and the standard
// library from source, which costs far more than analysing one package.
// So every analysistest case of a module is listed in cases, and all the
// cases of a module are loaded and checked in one
// analysistest.RunWithSuggestedFixes call, once per test binary, with an
// analyzer that runs, on each package, the analyzer of that case's Config
// (byConfig): the analyzer uses no facts, so what it reports in a package
// depends on that package alone. Each case is still a subtest of its own,
// which reports the failures that name its package (and any failure that
// names none).

// pkgCase is a package of a testdata module, analysed with cfg, whose
// "// want" comments and .golden files analysistest checks.
type pkgCase struct {
	dir string // the module: testdata or oldotel
	pkg string // import path
	cfg analyzer.Config
	cgo bool // the package imports "C"
}

// app and old name packages of the two testdata modules.
func app(pkg string, cfg analyzer.Config) pkgCase {
	return pkgCase{dir: testdata, pkg: "example.com/app/" + pkg, cfg: cfg}
}

func old(pkg string) pkgCase {
	return pkgCase{dir: oldotel, pkg: "example.com/oldotel/" + pkg}
}

// cases is every case of the tables below, which the groups are made of.
func cases() []pkgCase {
	return slices.Concat(analyzerCases, recallCases, lineCases, localCases, oldotelCases, logEventCases, oldLogCases, keyFuncCases, upgradeCases, schemaURLCases, valueCases, registryCases, metricCases)
}

// group is the outcome of one analysistest call.
type group struct {
	once    sync.Once
	cases   []pkgCase
	results []*analysistest.Result
	errs    []string // what analysistest reported
}

var (
	groupsMu sync.Mutex
	groups   map[string]*group
)

// groupKey is the module: one load for all its cases.
func groupKey(c pkgCase) string { return c.dir }

// run returns the results of c's group, loading the group the first time.
func run(c pkgCase) *group {
	groupsMu.Lock()
	if groups == nil {
		groups = map[string]*group{}
		cgo := testsupport.CgoEnabled()
		for _, d := range cases() {
			if d.cgo && !cgo {
				continue
			}
			k := groupKey(d)
			if groups[k] == nil {
				groups[k] = &group{}
			}
			for _, e := range groups[k].cases {
				if e.pkg == d.pkg && fmt.Sprintf("%#v", e.cfg) != fmt.Sprintf("%#v", d.cfg) {
					panic(fmt.Sprintf("%s is a case with two configurations: %#v and %#v", d.pkg, e.cfg, d.cfg))
				}
			}
			groups[k].cases = append(groups[k].cases, d)
		}
	}
	g := groups[groupKey(c)]
	groupsMu.Unlock()
	if g == nil || !slices.ContainsFunc(g.cases, func(d pkgCase) bool {
		return d.pkg == c.pkg && fmt.Sprintf("%#v", d.cfg) == fmt.Sprintf("%#v", c.cfg)
	}) {
		panic(fmt.Sprintf("%s with %#v is in no table of cases", c.pkg, c.cfg))
	}
	g.once.Do(func() {
		var patterns []string
		for _, d := range g.cases {
			if !slices.Contains(patterns, d.pkg) {
				patterns = append(patterns, d.pkg)
			}
		}
		rec := &recorder{}
		g.results = analysistest.RunWithSuggestedFixes(rec, g.cases[0].dir, byConfig(g.cases), patterns...)
		g.errs = rec.errs
	})
	return g
}

// byConfig returns an analyzer that runs, on the package of each case
// (its test variant, external test package and test main too), the
// analyzer of that case's Config, and fails on any other package.
func byConfig(cs []pkgCase) *analysis.Analyzer {
	byPkg := map[string]*analysis.Analyzer{}
	byCfg := map[string]*analysis.Analyzer{}
	for _, c := range cs {
		k := fmt.Sprintf("%#v", c.cfg)
		if byCfg[k] == nil {
			byCfg[k] = analyzer.New(c.cfg)
		}
		byPkg[c.pkg] = byCfg[k]
	}
	a := *analyzer.New(analyzer.Config{})
	for _, b := range byCfg {
		if !slices.Equal(b.Requires, a.Requires) || b.ResultType != a.ResultType {
			panic("analyzers of different configurations differ in what they require or return")
		}
	}
	a.Run = func(pass *analysis.Pass) (any, error) {
		path := strings.TrimSuffix(strings.TrimSuffix(pass.Pkg.Path(), ".test"), "_test")
		b := byPkg[path]
		if b == nil {
			return nil, fmt.Errorf("%s is no case of the group", pass.Pkg.Path())
		}
		return b.Run(pass)
	}
	return &a
}

// recorder is the analysistest.Testing of a group: it keeps the failures
// for the cases' subtests to report.
type recorder struct {
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// of returns the results of the case's package: the package, its test
// variant, its external test package and its test main.
func (g *group) of(pkg string) []*analysistest.Result {
	var rs []*analysistest.Result
	for _, r := range g.results {
		if p := r.Action.Package.PkgPath; p == pkg || p == pkg+"_test" || p == pkg+".test" {
			rs = append(rs, r)
		}
	}
	return rs
}

// names reports whether msg names a file of pkg's directory or pkg itself.
func (g *group) names(msg, pkg string) bool {
	if regexp.MustCompile(`@` + regexp.QuoteMeta(pkg) + `(?:_test|\.test)?(?:[^\w/.]|$)`).MatchString(msg) {
		return true
	}
	for _, r := range g.of(pkg) {
		for _, f := range r.Action.Package.GoFiles {
			// analysistest names files as go list does (absolute) or
			// as given (relative to the test's directory).
			dir := filepath.Dir(f)
			if strings.Contains(msg, dir+string(filepath.Separator)) {
				return true
			}
			if rel, err := filepath.Rel(cwd, dir); err == nil && strings.Contains(msg, rel+string(filepath.Separator)) {
				return true
			}
		}
	}
	return false
}

// errorsOf returns the failures that name pkg, and those that name no
// package of the group.
func (g *group) errorsOf(pkg string) []string {
	var out []string
	for _, msg := range g.errs {
		named := false
		for _, d := range g.cases {
			if g.names(msg, d.pkg) {
				named = true
				if d.pkg == pkg {
					out = append(out, msg)
					break
				}
			}
		}
		if !named {
			out = append(out, msg)
		}
	}
	return out
}

// check runs c's group if need be, fails t with what analysistest reported
// for c's package, and returns the package's results.
func check(t *testing.T, c pkgCase) []*analysistest.Result {
	t.Helper()
	if c.cgo {
		needCgo(t)
	}
	g := run(c)
	for _, msg := range g.errorsOf(c.pkg) {
		t.Error(msg)
	}
	rs := g.of(c.pkg)
	if len(rs) == 0 {
		t.Fatalf("%s: no results", c.pkg)
	}
	for _, r := range rs {
		for _, d := range r.Diagnostics {
			if !slices.ContainsFunc(analyzer.Categories(), func(c analyzer.Category) bool { return c.Name == d.Category }) {
				t.Errorf("%s: category %q is none of Categories: %s", r.Action.Package.Fset.Position(d.Pos), d.Category, d.Message)
			}
		}
	}
	return rs
}

// runCases runs each case as a parallel subtest named after its package.
func runCases(t *testing.T, cs []pkgCase, more func(*testing.T, pkgCase, []*analysistest.Result)) {
	for _, c := range cs {
		name := strings.TrimPrefix(strings.TrimPrefix(c.pkg, "example.com/app/"), "example.com/")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rs := check(t, c)
			if more != nil {
				more(t, c, rs)
			}
		})
	}
}

var cwd, _ = os.Getwd()

// needCgo skips a test that needs cgo where it cannot be built.
func needCgo(t *testing.T) {
	t.Helper()
	testsupport.NeedCgo(t)
}
