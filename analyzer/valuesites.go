package analyzer

import (
	"github.com/spanattrlint/spanattrlint/internal/check"
	"github.com/spanattrlint/spanattrlint/internal/find"
	"github.com/spanattrlint/spanattrlint/internal/index"
	"github.com/spanattrlint/spanattrlint/internal/rules"
	"github.com/spanattrlint/spanattrlint/internal/semconv"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// valueChecksOn reports whether a value check is configured.
func (c *Config) valueChecksOn() bool {
	return !c.NoValueTypes || !c.NoEnumMembers || c.Stability != ""
}

// collectValueSites finds the package's value sites (internal/check),
// unless every value check is off and there is no -registry.
func (st *passState) collectValueSites() []check.ValueSite {
	api := st.api
	if !st.cfg.valueChecksOn() && st.reg == nil || api.Attribute == nil || api.Key == nil || api.KeyValue == nil {
		return nil
	}
	return check.ValueSites(st.pass, api)
}

// checksSemconvUses reports whether a value check looks at the package's
// uses of semconv names (members, helpers), which need no value site:
// -stability, and deprecated members.
func (st *passState) checksSemconvUses() bool {
	c := &st.cfg
	return (c.Stability != "" || !c.NoEnumMembers && !c.NoDeprecated) && st.api.Attribute != nil && semconv.Imports(st.pass.Pkg)
}

// checkValues runs the value checks (internal/check) on what the phases
// before them found, and returns the enum-member findings they make.
func (st *passState) checkValues(fs *findings, consts []find.Const, uses index.Uses, srcs []index.Table, vals []check.ValueSite) []*site.Finding {
	return check.Values(check.Input{
		Pass: st.pass, Sup: st.sup, API: st.api, Settings: st.cfg.checkSettings(), ConstPkg: st.constPkg,
		HardCoded: fs.hardCoded, Consts: consts, LocalUse: uses.LocalUse, ValueSites: vals,
		ProjectPool: func() []rules.PoolEntry { return index.Pool(st.pass, srcs) },
		Otel:        func() string { return st.ix.Otel() },
		FixVersion:  st.ix.FixVersion,
		Member:      st.ix.Member,
		Declared:    st.declaredByRegistry,
	})
}

// checkSettings are the options the value checks read.
func (c *Config) checkSettings() check.Settings {
	return check.Settings{
		NoNaming: c.NoNaming, NoMisspelled: c.NoMisspelled, NoDeprecated: c.NoDeprecated, MigrateDeprecated: c.MigrateDeprecated,
		NoValueTypes: c.NoValueTypes, NoEnumMembers: c.NoEnumMembers,
		Stability: c.Stability, EventStyle: c.EventStyle, KeyPrefixes: c.KeyPrefixes, ForbiddenKeys: c.ForbiddenKeys,
	}
}
