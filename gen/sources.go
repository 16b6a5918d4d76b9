package gen

import (
	"slices"

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
