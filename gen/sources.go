package gen

import (
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// constantSources returns the packages (the target and the semantic
// conventions aside) whose constants some analysed package already uses
// as attribute keys or event names: the analyzer's own rule, from its
// results. They may be in other modules, dependencies of the main one
// (go.opentelemetry.io/collector/internal/telemetry's keys, used by the
// collector's service module): a value one of them holds is not new. As
// -constants packages, the analyzer offers them to each package that may
// import them (not to one outside the parent of an internal package).
func constantSources(results []pkgResult, t *target) []string {
	var out []string
	for _, r := range results {
		for _, p := range r.constPkgs {
			if p != t.path && !analyzer.IsSemconvPackage(p) {
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// inUse returns the packages whose constants the packages already use as
// keys or names, found before their analysis
// (analyzer.Settings.ConstantPackages), less the target and the semconv
// packages, sorted.
func inUse(o *Options, pkgs []*packages.Package, t *target) ([]string, error) {
	set, err := analyzer.Config{SpanNames: o.SpanNames, KeyFuncs: o.KeyFuncs}.Resolve("")
	if err != nil {
		return nil, err
	}
	if set, err = set.WithWrappers(o.wrappers); err != nil {
		return nil, err
	}
	in := make([]analyzer.Package, 0, len(pkgs))
	for _, p := range pkgs {
		in = append(in, analyzer.Package{Fset: p.Fset, Files: p.Syntax, Types: p.Types, Info: p.TypesInfo})
	}
	paths, err := set.ConstantPackages(in)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(paths, func(p string) bool { return p == t.path || analyzer.IsSemconvPackage(p) }), nil
}

// An offeredConst is an exported string constant of a package found in
// use, and that package as loaded.
type offeredConst struct {
	obj *types.Const
	dep *packages.Package
}

// exportedConsts returns the exported string constants of the packages
// at paths, as the analyzer reads a -constants package, from the packages
// loaded (the roots and their dependencies).
func exportedConsts(pkgs []*packages.Package, paths []string) []offeredConst {
	var out []offeredConst
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types == nil || !slices.Contains(paths, p.PkgPath) || p.ID != p.PkgPath {
			return
		}
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			c, ok := scope.Lookup(name).(*types.Const)
			if !ok || !c.Exported() || c.Val().Kind() != constant.String {
				continue
			}
			if b, ok := c.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
				out = append(out, offeredConst{c, p})
			}
		}
	})
	return out
}

// importsPath reports whether p depends on the package at path, or is it.
func importsPath(p *packages.Package, path string) bool {
	found := false
	packages.Visit([]*packages.Package{p}, func(d *packages.Package) bool {
		found = found || d.PkgPath == path
		return !found
	}, nil)
	return found
}
