package analyzer

import (
	"github.com/spanattrlint/spanattrlint/internal/find"
	"github.com/spanattrlint/spanattrlint/internal/metrics"
	"github.com/spanattrlint/spanattrlint/internal/regcheck"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// The seam to the command's -registry-coverage: with WithCoverage, each
// pass returns in its Result what the package emits (Result.Emitted),
// which the command, seeing every package, compares with the registry
// (internal/coverage). Without it nothing more is gathered or kept.

// WithCoverage returns settings whose passes also return the keys, event
// names and metric names their package emits (Result.Emitted). The
// settings share the module resolutions of s.
func (s *Settings) WithCoverage() *Settings {
	d := s.derive()
	d.cfg.coverage = true
	return d
}

// RegistryFor returns the registry of -registry as the passes of a
// package in dir read it (relative to its module root), nil without
// -registry; an error is a ConfigError of one line.
func (s *Settings) RegistryFor(dir string) (*regcheck.Registry, error) {
	return s.registryFor(dir)
}

// emitted is what the package emits, with -registry-coverage: every key
// and event name site and every metric instrument named by a constant,
// under //nolint or in generated files too (they are emitted all the
// same); nil without.
func (st *passState) emitted(sites []find.Found, ins []metrics.Instrument) []Emitted {
	if !st.cfg.coverage {
		return nil
	}
	out := make([]Emitted, 0, len(sites)+len(ins))
	for _, fs := range sites {
		if s := fs.Site; s.Role == site.Key || s.Role == site.Event {
			out = append(out, Emitted{Value: s.Value, Role: s.Role.String(), Pos: s.Expr.Pos()})
		}
	}
	for _, in := range ins {
		if in.NameConst {
			out = append(out, Emitted{Value: in.NameValue, Role: "metric name", Pos: in.Name.Pos()})
		}
	}
	return out
}
