package analyzer

import (
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/spanattrlint/spanattrlint/internal/find"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// ConstantPackages returns, sorted, the import paths of the packages whose
// constants the given packages already use as attribute keys or event
// names: what the analysis of each returns as Result.ConstantPackages,
// found before any analysis, as InferKeyFuncs finds the wrappers. A front
// end that names them all as -constants (gen) offers every package the
// constants that some package uses, in one analysis. Give it every
// package the run analyses (test variants included); the settings' -key-funcs
// and wrappers (WithWrappers) count as a pass's do.
func (s *Settings) ConstantPackages(pkgs []Package) ([]string, error) {
	var rch otelapi.Reach
	seen := map[string]bool{}
	for _, p := range pkgs {
		if p.Types == nil || p.Info == nil || otelapi.IsSemconv(p.Types.Path()) {
			continue
		}
		r := rch.Of(p.Types)
		keyFuncs, err := keyFuncsOf(s.keyFuncs, s.inferred, p.Types)
		if err != nil {
			return nil, err
		}
		if r.Attribute == nil && r.Trace == nil && r.Log == nil && r.Metric == nil && len(keyFuncs) == 0 {
			continue // as a pass: nothing in the package is a site
		}
		found := find.Sites(find.Input{
			Files: p.Files, Info: p.Info, Inspector: inspector.New(p.Files),
			API: otelapi.New(r), SpanNames: s.cfg.SpanNames, KeyFuncs: keyFuncs,
		})
		for _, fs := range found.Sites { // as collectSites counts uses
			if n := fs.Site.Named; n != nil && n.Pkg() != nil && n.Pkg() != p.Types && fs.Site.Role != site.SpanName {
				seen[n.Pkg().Path()] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for path := range seen {
		out = append(out, path)
	}
	slices.Sort(out)
	return out, nil
}
