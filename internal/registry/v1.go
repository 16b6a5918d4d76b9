package registry

import (
	"fmt"
	"slices"
)

// The v1 syntax: groups: of attributes and signals (schemas/semconv-syntax.md).

// groupTypes are the v1 group types; resource is entity's older name.
var groupTypes = []string{"attribute_group", "span", "event", "metric", "metric_group", "entity", "resource", "scope", "undefined"}

func (p *fileParser) v1(root *node) {
	if root.get("groups") == nil && root.get("imports") == nil {
		p.failf(root, "neither groups: (v1 syntax) nor file_format: definition/2 (v2 syntax)")
		return
	}
	p.imports(root)
	for _, g := range p.list(root, "groups") {
		if p.err != nil || !p.mapping(g, "a group") {
			return
		}
		p.group(g)
	}
}

func (p *fileParser) group(g *node) {
	id, idn := p.str(g, "id", true, "a group")
	if idn == nil {
		return
	}
	what := fmt.Sprintf("group %q", id)
	p.d.names = append(p.d.names, named{"group", id, p.pos(idn)})
	typ, tn := p.str(g, "type", false, what)
	if tn != nil && !slices.Contains(groupTypes, typ) {
		p.failf(tn, "unknown group type %q of %s; one of attribute_group, span, event, metric, metric_group, entity, scope", typ, what)
		return
	}
	prefix, _ := p.str(g, "prefix", false, what)
	stab := p.stability(g, what)
	dep := p.deprecated(g, what)
	brief, _ := p.str(g, "brief", false, what)
	var keys []string
	for _, a := range p.list(g, "attributes") {
		if p.err != nil || !p.mapping(a, "an attribute of "+what) {
			return
		}
		ref, rn := p.str(a, "ref", false, "an attribute of "+what)
		id, in := p.str(a, "id", false, "an attribute of "+what)
		switch {
		case rn != nil && in != nil:
			p.failf(in, "an attribute of %s has both id %q and ref %q; id declares, ref reuses", what, id, ref)
			return
		case rn != nil:
			p.d.attrRefs = append(p.d.attrRefs, named{"attribute", ref, p.pos(rn)})
			keys = append(keys, ref)
		case in != nil:
			if id == "" {
				p.failf(in, "an attribute of %s has an empty id", what)
				return
			}
			if prefix != "" {
				id = prefix + "." + id
			}
			p.attrDecl(id, in, a)
			keys = append(keys, id)
		default:
			p.failf(a, "an attribute of %s has neither id (to declare a key) nor ref (to reuse one)", what)
			return
		}
	}
	switch typ {
	case "event":
		name, nn := p.str(g, "name", true, what)
		if nn != nil {
			p.d.events = append(p.d.events, &Event{Name: name, Stability: stab, Deprecated: dep, Brief: brief, Attributes: keys, Pos: p.pos(nn)})
		}
	case "metric":
		name, nn := p.str(g, "metric_name", true, what)
		inst := p.instrument(g, what)
		unit, _ := p.str(g, "unit", true, what)
		if nn != nil {
			p.d.metrics = append(p.d.metrics, &Metric{Name: name, Instrument: inst, Unit: unit, Stability: stab, Deprecated: dep, Brief: brief, Attributes: keys, Pos: p.pos(nn)})
		}
	case "entity", "resource":
		// An entity is named by its name, not its group id.
		if name, nn := p.str(g, "name", false, what); nn != nil {
			p.d.names = append(p.d.names, named{"entity", name, p.pos(nn)})
		}
	case "span":
		kind := p.spanKind(g, "span_kind", what, false)
		p.d.spans = append(p.d.spans, &Span{Type: id, Kind: kind, Stability: stab, Deprecated: dep, Brief: brief, Attributes: keys, Pos: p.pos(idn)})
	}
}
