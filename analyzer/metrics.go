package analyzer

import (
	"go/types"

	"github.com/spanattrlint/spanattrlint/internal/metrics"
)

// checkMetrics reports the metric instruments' findings (internal/metrics
// finds and checks them; the package's generated files and //nolint
// lines are left out here, as for every other finding), and returns the
// instruments (for -registry-coverage) and the hard-coded names with a
// fix, which buildFixes writes in each file's plan with the key fixes, and
// those that no constant holds (for gen: Result.Unmatched).
func (st *passState) checkMetrics() (ins []metrics.Instrument, fixes, unnamed []metrics.NameFix) {
	c := st.cfg
	opts := metrics.Options{Conventions: !c.NoMetricConventions, UCUM: !c.NoMetricUCUM, Duration: !c.NoMetricDuration,
		UnitInName: !c.NoMetricUnitInName, Naming: !c.NoMetricNaming, Deprecated: !c.NoDeprecated, Stability: c.Stability,
		MigrateDeprecated: c.MigrateDeprecated}
	if st.metric == nil {
		return nil, nil, nil
	}
	ins = metrics.Find(st.pass.Files, st.pass.TypesInfo, st.metric)
	if len(ins) == 0 {
		return nil, nil, nil
	}
	opts.Otel = st.ix.Otel()
	if st.reg != nil {
		opts.Declared = st.registryMetric
		st.checkRegistryMetrics(ins) // registry.go: metric names the registry does not declare
	}
	found := metrics.Check(ins, opts)
	if !c.NoMetricNames {
		src := metrics.Sources{Otel: opts.Otel, Configured: st.ix.ConfiguredPackages,
			FixConst: func(name string) *types.Const { return st.ix.MetricConst(opts.Otel, name) }}
		var hard []metrics.Finding
		hard, fixes, unnamed = metrics.HardCoded(st.pass.Fset, ins, st.pass.Pkg, st.pass.TypesInfo, src)
		found = append(found, hard...)
		// A -migrate-deprecated rename and a fix to the old name's constant
		// would compete: the rename's is kept, as for a key.
		for _, f := range found {
			if len(f.SuggestedFixes) > 0 {
				for i := range fixes {
					if fixes[i].Name.Pos() == f.Pos {
						fixes[i].NoFix = true
					}
				}
			}
		}
	}
	for _, f := range found {
		if !st.sup.Suppressed(f.File, f.Pos) {
			st.pass.Report(f.Diagnostic)
		}
	}
	return ins, st.unsuppressed(fixes), st.unsuppressed(unnamed)
}

// unsuppressed returns the names of ns that no //nolint covers, in no
// generated file.
func (st *passState) unsuppressed(ns []metrics.NameFix) []metrics.NameFix {
	kept := ns[:0]
	for _, m := range ns {
		if !st.sup.Suppressed(m.File, m.Name.Pos()) {
			kept = append(kept, m)
		}
	}
	return kept
}

// metricsUnmatched lists the metric names that no constant holds, for
// Result.Unmatched; nil for none.
func metricsUnmatched(ns []metrics.NameFix) []Unmatched {
	var out []Unmatched
	for _, m := range ns {
		out = append(out, Unmatched{Value: m.Value, Role: roleMetricName, Pos: m.Name.Pos()})
	}
	return out
}

// roleMetricName is the Role of a metric name in Result.Unmatched.
const roleMetricName = "metric name"
