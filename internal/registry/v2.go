package registry

import (
	"fmt"
	"slices"
)

// The v2 syntax, file_format: definition/2 (schemas/semconv-syntax.v2.md):
// top-level sections of attributes, groups, signals and refinements.

// v2Sections are the top-level keys of a definition/2 file.
var v2Sections = []string{"attributes", "attribute_groups", "spans", "events", "metrics", "entities",
	"span_refinements", "event_refinements", "metric_refinements", "entity_refinements", "imports", "file_format", "version"}

func (p *fileParser) v2(root *node) {
	for _, k := range root.keys {
		if !slices.Contains(v2Sections, k.str) {
			p.failf(k, "unknown section %q of a definition/2 file", k.str)
			return
		}
	}
	p.imports(root)
	p.each(root, "attributes", "an attribute", p.v2Attribute)
	p.each(root, "attribute_groups", "an attribute group", p.v2Group)
	p.each(root, "spans", "a span", p.v2Span)
	p.each(root, "events", "an event", p.v2Event)
	p.each(root, "metrics", "a metric", p.v2Metric)
	p.each(root, "entities", "an entity", p.v2Entity)
	for _, kind := range []string{"span", "event", "metric", "entity"} {
		p.each(root, kind+"_refinements", "a "+kind+" refinement", func(r *node) { p.v2Refinement(kind, r) })
	}
}

// each calls fn with each mapping of the list root[section], until the
// first error.
func (p *fileParser) each(root *node, section, what string, fn func(*node)) {
	for _, it := range p.list(root, section) {
		if p.err != nil || !p.mapping(it, what) {
			return
		}
		fn(it)
	}
}

func (p *fileParser) v2Attribute(a *node) {
	if _, rn := p.str(a, "ref", false, "an attribute"); rn != nil {
		p.failf(rn, "the attributes section declares keys (key:); a ref belongs to a span, event, metric or group")
		return
	}
	key, kn := p.str(a, "key", true, "an attribute")
	if kn == nil || p.err != nil {
		return
	}
	p.attrDecl(key, kn, a)
}

func (p *fileParser) v2Group(g *node) {
	id, idn := p.str(g, "id", true, "an attribute group")
	if idn == nil {
		return
	}
	p.d.names = append(p.d.names, named{"group", id, p.pos(idn)})
	p.refs(p.list(g, "attributes"), fmt.Sprintf("attribute group %q", id))
}

func (p *fileParser) v2Span(s *node) {
	typ, tn := p.str(s, "type", true, "a span")
	if tn == nil {
		return
	}
	what := fmt.Sprintf("span %q", typ)
	sp := &Span{Type: typ, Pos: p.pos(tn)}
	sp.Kind = p.spanKind(s, "kind", what, true)
	if nm := s.get("name"); nm != nil && nm.kind == kMap {
		sp.Name, _ = p.str(nm, "note", false, "the name of "+what)
	} else if nm != nil && nm.kind != kNull {
		p.failf(nm, "name of %s must be a mapping with note, not %s", what, nm.describe())
	}
	sp.Stability = p.stability(s, what)
	sp.Deprecated = p.deprecated(s, what)
	sp.Brief, _ = p.str(s, "brief", false, what)
	sp.Attributes = p.refs(p.list(s, "attributes"), what)
	p.d.spans = append(p.d.spans, sp)
}

func (p *fileParser) v2Event(e *node) {
	name, nn := p.str(e, "name", true, "an event")
	if nn == nil {
		return
	}
	what := fmt.Sprintf("event %q", name)
	ev := &Event{Name: name, Pos: p.pos(nn)}
	ev.Stability = p.stability(e, what)
	ev.Deprecated = p.deprecated(e, what)
	ev.Brief, _ = p.str(e, "brief", false, what)
	ev.Attributes = p.refs(p.list(e, "attributes"), what)
	p.d.events = append(p.d.events, ev)
}

func (p *fileParser) v2Metric(m *node) {
	name, nn := p.str(m, "name", true, "a metric")
	if nn == nil {
		return
	}
	what := fmt.Sprintf("metric %q", name)
	mt := &Metric{Name: name, Pos: p.pos(nn)}
	mt.Instrument = p.instrument(m, what)
	mt.Unit, _ = p.str(m, "unit", true, what)
	mt.Stability = p.stability(m, what)
	mt.Deprecated = p.deprecated(m, what)
	mt.Brief, _ = p.str(m, "brief", false, what)
	mt.Attributes = p.refs(p.list(m, "attributes"), what)
	p.d.metrics = append(p.d.metrics, mt)
}

func (p *fileParser) v2Entity(e *node) {
	typ, tn := p.str(e, "type", true, "an entity")
	if tn == nil {
		return
	}
	what := fmt.Sprintf("entity %q", typ)
	p.d.names = append(p.d.names, named{"entity", typ, p.pos(tn)})
	p.stability(e, what)
	p.refs(p.list(e, "identity"), what)
	p.refs(p.list(e, "description"), what)
}

// v2Refinement reads a refinement of a span, event, metric or entity: its
// id, the signal it refines (ref) and the attributes it adds.
func (p *fileParser) v2Refinement(kind string, r *node) {
	id, idn := p.str(r, "id", true, "a "+kind+" refinement")
	ref, rn := p.str(r, "ref", true, "a "+kind+" refinement")
	if idn == nil || rn == nil {
		return
	}
	what := fmt.Sprintf("%s refinement %q", kind, id)
	p.d.names = append(p.d.names, named{kind + " refinement", id, p.pos(idn)})
	p.d.signalRefs = append(p.d.signalRefs, named{kind, ref, p.pos(rn)})
	p.stability(r, what)
	p.deprecated(r, what)
	p.refs(p.list(r, "attributes"), what)
	p.refs(p.list(r, "description"), what)
}
