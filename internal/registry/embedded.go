package registry

import (
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// EmbeddedVersion is the version of the semantic-conventions registry
// whose tables internal/semconvtab embeds (its registry/PROVENANCE.md:
// v1.44.0 plus 22 commits). A dependency on that version or an older one
// is satisfied from them: the conventions deprecate keys rather than
// remove them, so the newer tables know every key of an older version,
// some of them as deprecated. The tables hold attribute keys with their
// types, stability, deprecations and enum members, and event names (and
// the keys of the Go package semconvtab.ImportPath, which has a few the
// tables lack, such as server.address), and metrics with their
// instrument, unit and stability; not spans, group ids or briefs.
const EmbeddedVersion = "1.44.0"

// embeddedAttribute returns the embedded conventions' attribute key,
// current or deprecated, or nil.
func embeddedAttribute(key, origin string) *Attribute {
	var a *Attribute
	if c, ok := semconvtab.LookupAttribute(key); ok {
		a = &Attribute{Key: key, Type: c.Type, Stability: c.Stability, Origin: origin}
	} else if d, ok := semconvtab.LookupDeprecated(key); ok {
		a = &Attribute{Key: key, Type: d.Type, Origin: origin,
			Deprecated: &Deprecation{Reason: d.Reason, RenamedTo: d.RenamedTo, Note: d.Note}}
	} else if _, ok := semconvtab.KeyConst(key); ok {
		// A key of the Go semconv package that the registry tables lack
		// (server.address, client.address): typed from its helper's
		// parameter, its stability unknown.
		a = &Attribute{Key: key, Type: helperType(key), Origin: origin}
	} else {
		return nil
	}
	if a.Stability == "experimental" {
		a.Stability = "development" // as the reader normalises it
	}
	if a.Type == "enum" {
		for _, m := range semconvtab.Members(key) {
			mem := Member{ID: m.ID, Value: m.Value, Type: m.Type, Stability: m.Stability}
			if mem.Stability == "experimental" {
				mem.Stability = "development"
			}
			if m.Deprecated {
				mem.Deprecated = &Deprecation{Reason: "unspecified", Note: m.Note}
			}
			a.Members = append(a.Members, mem)
		}
	}
	return a
}

func embeddedEvent(name, origin string) (*Event, bool) {
	e, ok := semconvtab.LookupEvent(name)
	if !ok {
		return nil, false
	}
	ev := &Event{Name: name, Stability: e.Stability, Origin: origin}
	if e.Deprecated {
		ev.Deprecated = &Deprecation{Reason: "unspecified"}
	}
	return ev, true
}

func embeddedMetric(name, origin string) (*Metric, bool) {
	m, ok := semconvtab.LookupMetric(name)
	if !ok {
		return nil, false
	}
	met := &Metric{Name: name, Instrument: m.Instrument, Unit: m.Unit, Stability: m.Stability, Origin: origin}
	if met.Stability == "experimental" {
		met.Stability = "development" // as the reader normalises it
	}
	if m.Deprecated {
		met.Deprecated = &Deprecation{Reason: "unspecified"}
	}
	return met, true
}

// helperType returns the registry type of key from the parameter of its
// helper function in semconvtab.ImportPath (ServerAddress(string)), or
// "any" if it has none.
func helperType(key string) string {
	if h, ok := semconvtab.HelperIn(semconvtab.Version, key); ok {
		if n, ok := semconvtab.NameIn(semconvtab.Version, h); ok {
			switch n.Type {
			case "string":
				return "string"
			case "int", "int64":
				return "int"
			case "float64":
				return "double"
			case "bool":
				return "boolean"
			case "[]string":
				return "string[]"
			case "[]int", "[]int64":
				return "int[]"
			case "[]float64":
				return "double[]"
			case "[]bool":
				return "boolean[]"
			}
		}
	}
	return "any"
}
