package gen

import "slices"

// constantSources returns the packages of the main module (the target
// aside) whose constants some analysed package already uses as attribute
// keys or event names: the analyzer's own rule, from its results.
func constantSources(results []pkgResult, mod *module, t *target) []string {
	var out []string
	for _, r := range results {
		for _, p := range r.constPkgs {
			if mod.isMain(p) && p != t.path {
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
