package gen

import (
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/analyzer"
	loadpkg "github.com/spanattrlint/spanattrlint/internal/load"
	"github.com/spanattrlint/spanattrlint/internal/pkgerrors"
)

// pkgResult is what the analyzer found in one package (one variant of it:
// with Tests, a package's non-test files are seen twice, once in the
// package and once in its test variant).
type pkgResult struct {
	pkg       *packages.Package
	diags     []analysis.Diagnostic
	unmatched []analyzer.Unmatched
	constPkgs []string // packages whose constants it already uses as keys
	// undeclared are the keys and event names -registry does not declare
	// (gen -declare).
	undeclared []analyzer.Undeclared
	res        *analyzer.Result
	// named are the metric names that no constant held before gen offered
	// its constants (withConstants): their fixes are gen's to take, those
	// of the other metric names the lint's.
	named map[token.Pos]bool
}

// withConstants builds the package's fixes again were news declared
// (analyzer.Result.WithConstants), noting the metric names offered.
func (p *pkgResult) withConstants(news []analyzer.NewConstant) {
	for _, u := range p.unmatched {
		if u.Role == roleMetric {
			if p.named == nil {
				p.named = map[token.Pos]bool{}
			}
			p.named[u.Pos] = true
		}
	}
	p.diags, p.unmatched = p.res.WithConstants(p.diags, news)
}

// load loads the packages, with their syntax and types.
func load(o *Options, mod *module) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Mode:  packages.LoadSyntax,
		Tests: o.Tests,
		Dir:   o.Dir,
		Env:   o.Env,
	}
	// The packages themselves are type-checked from source, without the
	// go command compiling them for export data (internal/load).
	pkgs, err := syntaxLoad(cfg, o.Patterns)
	if err != nil {
		return nil, err
	}
	// The generated test mains hold nothing of the user's.
	pkgs = slices.DeleteFunc(pkgs, func(p *packages.Package) bool { return strings.HasSuffix(p.PkgPath, ".test") })
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(o.Patterns, " "))
	}
	if err := firstError(pkgs, mod.root); err != nil {
		return nil, err
	}
	o.logf("loaded %d packages", len(pkgs))
	return pkgs, nil
}

// syntaxLoad is load.Syntax, or go/packages' own load where that is
// needed, with the go command's errors said on one line; without the
// packages' modules, as gen's analysis has always seen them.
func syntaxLoad(cfg *packages.Config, patterns []string) ([]*packages.Package, error) {
	if !loadpkg.HasLargePackage(cfg.Dir, patterns) {
		return pkgerrors.Load(cfg, patterns...) // one go list costs less than two (internal/load)
	}
	pkgs, err := loadpkg.Syntax(cfg, patterns...)
	switch {
	case err == nil && len(pkgs) > 0:
		packages.Visit(pkgs, nil, func(p *packages.Package) { p.Module = nil })
		return pkgs, nil
	case err != nil && !errors.Is(err, loadpkg.ErrFallback):
		return nil, errors.New(pkgerrors.GoCommand(err))
	}
	return pkgerrors.Load(cfg, patterns...)
}

// analyse runs the analyzer on each package with the given -constants
// packages, returning the results sorted by package ID so that everything
// built from them is deterministic. Each result can tell the fixes were
// there more constants (analyzer.Result.WithConstants): gen's constants
// need no second analysis.
func analyse(o *Options, pkgs []*packages.Package, constants []string) ([]pkgResult, error) {
	// Decided as the command decides it, with -constants resolved in each
	// package's module (a go.work can hold several) before any package is
	// analysed. The packages are loaded without their modules, which the
	// analyzer then does not know either.
	set, err := analyzer.Config{Constants: constants, SpanNames: o.SpanNames, MigrateDeprecated: o.MigrateDeprecated, KeyFuncs: o.KeyFuncs,
		Registry: o.Registry, RegistryEmbedded: o.RegistryEmbedded}.Resolve("")
	if err != nil {
		return nil, err
	}
	if set, err = set.WithWrappers(o.wrappers); err != nil {
		return nil, err
	}
	set = set.WithNewConstants()
	for _, p := range pkgs {
		if err := set.Prepare(p.PkgPath, p.Dir, false); err != nil {
			return nil, err
		}
	}
	a := recovering(analyzer.NewFromSettings(set))
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		return nil, err
	}
	o.logf("analysed %d packages", len(g.Roots))
	var out []pkgResult
	for _, act := range g.Roots {
		if act.Err != nil {
			var cerr *analyzer.ConfigError
			if errors.As(act.Err, &cerr) {
				return nil, cerr
			}
			return nil, fmt.Errorf("%s: %v", act.Package.ID, act.Err)
		}
		r := pkgResult{pkg: act.Package, diags: act.Diagnostics}
		if res, ok := act.Result.(*analyzer.Result); ok && res != nil {
			r.unmatched = res.Unmatched
			r.constPkgs = res.ConstantPackages
			r.undeclared = res.Undeclared
			r.res = res
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b pkgResult) int { return strings.Compare(a.pkg.ID, b.pkg.ID) })
	return out, nil
}

// inferWrappers checks -key-funcs against the loaded packages, as the
// command does, and finds the wrappers of the main module's packages
// (analyzer.Settings.InferKeyFuncs), which every analysis of the run then
// treats as -key-funcs entries.
func inferWrappers(o *Options, pkgs []*packages.Package, mod *module) error {
	set, err := analyzer.Config{SpanNames: o.SpanNames, KeyFuncs: o.KeyFuncs}.Resolve("")
	if err != nil {
		return err
	}
	var tps []*types.Package
	var in []analyzer.Package
	for _, p := range pkgs {
		if p.Types == nil {
			continue
		}
		tps = append(tps, p.Types)
		if _, ok := mod.rel(p.Dir); !ok || p.ID != p.PkgPath {
			continue // a test variant: its non-test files are the package's
		}
		in = append(in, analyzer.Package{Fset: p.Fset, Files: p.Syntax, Types: p.Types, Info: p.TypesInfo})
	}
	if err := set.CheckKeyFuncs(tps); err != nil {
		return err
	}
	o.wrappers = set.InferKeyFuncs(in)
	return nil
}

// recovering returns a copy of a whose panics are errors of the package:
// checker.Analyze runs analyzers in goroutines of its own, where a panic
// would end the process with a goroutine's stack instead of one line.
func recovering(a *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	c.Run = func(pass *analysis.Pass) (res any, err error) {
		defer func() {
			if r := recover(); r != nil {
				res, err = nil, fmt.Errorf("internal error: the analyzer panicked (please report it): %v", r)
			}
		}()
		return a.Run(pass)
	}
	return &c
}

// firstError returns the first error of the packages or their
// dependencies, on one line, with the number of other distinct errors
// (pkgerrors.List: each once, the compiler's too).
func firstError(pkgs []*packages.Package, root string) error {
	errs, _ := pkgerrors.List(pkgs, root)
	if len(errs) == 0 {
		return nil
	}
	msg := errs[0].Msg
	if pos := errs[0].Pos; pos != "" {
		if rel, err := filepath.Rel(root, pos); err == nil && !strings.HasPrefix(rel, "..") {
			pos = filepath.ToSlash(rel)
		}
		msg = pos + ": " + msg
	}
	switch len(errs) {
	case 1:
		return errors.New(msg)
	case 2:
		return fmt.Errorf("%s (and 1 more error)", msg)
	default:
		return fmt.Errorf("%s (and %d more errors)", msg, len(errs)-1)
	}
}

// logf writes one line of what a phase did to o.Log, if set (-v).
func (o *Options) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, "spanattrlint gen: "+format+"\n", args...)
	}
}
