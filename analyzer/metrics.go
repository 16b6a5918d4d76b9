package analyzer

import (
	"go/types"

	"github.com/spanattrlint/spanattrlint/internal/metrics"
)

// checkMetrics reports the metric instruments' findings (internal/metrics
// finds and checks them; the package's generated files and //nolint
// lines are left out here, as for every other finding), and returns the
// instruments (for -registry-coverage) and the hard-coded names with a
// fix, which buildFixes writes in each file's plan with the key fixes.
func (st *passState) checkMetrics() ([]metrics.Instrument, []metrics.NameFix) {
	c := st.cfg
	opts := metrics.Options{Conventions: !c.NoMetricConventions, UCUM: !c.NoMetricUCUM, Duration: !c.NoMetricDuration,
		UnitInName: !c.NoMetricUnitInName, Naming: !c.NoMetricNaming, Deprecated: !c.NoDeprecated, Stability: c.Stability}
	if st.metric == nil {
		return nil, nil
	}
	ins := metrics.Find(st.pass.Files, st.pass.TypesInfo, st.metric)
	if len(ins) == 0 {
		return nil, nil
	}
	opts.Otel = st.ix.Otel()
	if st.reg != nil {
		opts.Declared = st.registryMetric
		st.checkRegistryMetrics(ins) // registry.go: metric names the registry does not declare
	}
	found := metrics.Check(ins, opts)
	var fixes []metrics.NameFix
	if !c.NoMetricNames {
		src := metrics.Sources{Otel: opts.Otel, Configured: st.ix.ConfiguredPackages,
			FixConst: func(name string) *types.Const { return st.ix.MetricConst(opts.Otel, name) }}
		var hard []metrics.Finding
		hard, fixes = metrics.HardCoded(st.pass.Fset, ins, st.pass.Pkg, st.pass.TypesInfo, src)
		found = append(found, hard...)
	}
	for _, f := range found {
		if !st.sup.Suppressed(f.File, f.Pos) {
			st.pass.Report(f.Diagnostic)
		}
	}
	kept := fixes[:0]
	for _, m := range fixes {
		if !st.sup.Suppressed(m.File, m.Name.Pos()) {
			kept = append(kept, m)
		}
	}
	return ins, kept
}
