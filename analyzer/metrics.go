package analyzer

import "github.com/spanattrlint/spanattrlint/internal/metrics"

// checkMetrics reports the metric instruments' findings (internal/metrics
// finds and checks them; the package's generated files and //nolint
// lines are left out here, as for every other finding). It returns the
// instruments, for -registry-coverage.
func (st *passState) checkMetrics() []metrics.Instrument {
	c := st.cfg
	opts := metrics.Options{Conventions: !c.NoMetricConventions, UCUM: !c.NoMetricUCUM, Duration: !c.NoMetricDuration,
		UnitInName: !c.NoMetricUnitInName, Naming: !c.NoMetricNaming, Deprecated: !c.NoDeprecated, Stability: c.Stability}
	if st.metric == nil {
		return nil
	}
	ins := metrics.Find(st.pass.Files, st.pass.TypesInfo, st.metric)
	if len(ins) == 0 {
		return nil
	}
	opts.Otel = st.ix.Otel()
	found := metrics.Check(ins, opts)
	if !c.NoMetricNames {
		found = append(found, metrics.HardCoded(st.pass.Fset, ins, st.pass.Pkg, st.pass.TypesInfo, opts.Otel,
			st.ix.Configured)...)
	}
	for _, f := range found {
		if !st.sup.Suppressed(f.File, f.Pos) {
			st.pass.Report(f.Diagnostic)
		}
	}
	return ins
}
