package registry

import (
	"fmt"
	"slices"
	"strings"
)

// What one file declares and references, before resolution.
type fileDecls struct {
	attrs      []*Attribute
	events     []*Event
	metrics    []*Metric
	spans      []*Span
	imports    []Import
	names      []named // group ids, entity types, refinement ids: must be unique
	attrRefs   []named // ref: KEY
	groupRefs  []named // ref_group: ID
	signalRefs []named // a refinement's ref: "span:TYPE", "event:NAME", ...
	file       string  // as positions name it
	syntax     string  // "v1" or "v2"; "" for an empty file
}

// A named is a name at a place; kind qualifies it ("group", "span", ...).
type named struct {
	kind, name string
	pos        Pos
}

// fileParser walks the tree of one file. The first fault is kept in err;
// once it is set the walk stops adding and returns.
type fileParser struct {
	file string
	err  *Error
	d    fileDecls
}

func (p *fileParser) pos(n *node) Pos { return Pos{File: p.file, Line: n.line, Col: n.col} }

func (p *fileParser) failf(n *node, format string, args ...any) {
	if p.err == nil {
		p.err = &Error{Pos: p.pos(n), Msg: oneLine(fmt.Sprintf(format, args...))}
	}
}

// mapping returns n's entries, or fails if n is not a mapping.
func (p *fileParser) mapping(n *node, what string) bool {
	if n.kind != kMap {
		p.failf(n, "%s must be a mapping, not %s", what, n.describe())
		return false
	}
	return true
}

// list returns the items of m[key]; absent or null is none.
func (p *fileParser) list(m *node, key string) []*node {
	v := m.get(key)
	if v == nil || v.kind == kNull {
		return nil
	}
	if v.kind != kSeq {
		p.failf(v, "%s must be a list, not %s", key, v.describe())
		return nil
	}
	return v.items
}

// str returns the scalar m[key] as text, and its node (nil if absent).
// A required field that is absent is an error at m.
func (p *fileParser) str(m *node, key string, required bool, what string) (string, *node) {
	v := m.get(key)
	if v == nil || v.kind == kNull {
		if required {
			p.failf(m, "%s has no %s", what, key)
		}
		return "", nil
	}
	if v.kind != kScalar {
		p.failf(v, "%s of %s must be a single value, not %s", key, what, v.describe())
		return "", nil
	}
	if required && v.str == "" {
		p.failf(v, "%s of %s is empty", key, what)
	}
	return v.str, v
}

// A registry's stability levels; "experimental" is development's older name.
var stabilities = []string{"stable", "development", "experimental", "alpha", "beta", "release_candidate", "deprecated"}

func (p *fileParser) stability(m *node, what string) string {
	s, n := p.str(m, "stability", false, what)
	if n == nil {
		return ""
	}
	if !slices.Contains(stabilities, s) {
		p.failf(n, "unknown stability %q of %s; one of stable, development, alpha, beta, release_candidate", s, what)
	}
	if s == "experimental" {
		s = "development"
	}
	return s
}

func (p *fileParser) deprecated(m *node, what string) *Deprecation {
	v := m.get("deprecated")
	if v == nil || v.kind == kNull {
		return nil
	}
	switch {
	case v.kind == kScalar && v.stype == sBool && v.str == "false":
		return nil
	case v.kind == kScalar:
		// The older form, free text; a plain true as some older
		// registries write it.
		note := v.str
		if v.stype == sBool {
			note = ""
		}
		return &Deprecation{Reason: "unspecified", Note: note}
	case v.kind != kMap:
		p.failf(v, "deprecated of %s must be a text or a mapping with reason, not %s", what, v.describe())
		return nil
	}
	d := &Deprecation{}
	var rn *node
	d.Reason, rn = p.str(v, "reason", true, "deprecated of "+what)
	d.RenamedTo, _ = p.str(v, "renamed_to", false, "deprecated of "+what)
	d.Note, _ = p.str(v, "note", false, "deprecated of "+what)
	switch d.Reason {
	case "renamed":
		if d.RenamedTo == "" {
			p.failf(v, "deprecated of %s has reason renamed but no renamed_to", what)
		}
	case "obsoleted", "uncategorized", "unspecified", "":
	default:
		p.failf(rn, "unknown deprecation reason %q of %s; one of renamed, obsoleted, uncategorized", d.Reason, what)
	}
	return d
}

var simpleTypes = []string{"string", "int", "double", "boolean", "any", "string[]", "int[]", "double[]", "boolean[]"}

// attrType reads an attribute's type: a simple type, template[simple], or
// a mapping with members (an enum).
func (p *fileParser) attrType(a *Attribute, m *node) {
	what := fmt.Sprintf("attribute %q", a.Key)
	v := m.get("type")
	switch {
	case v == nil || v.kind == kNull:
		p.failf(m, "%s has no type", what)
		return
	case v.kind == kScalar:
		t := v.str
		inner, isTemplate := strings.CutPrefix(t, "template[")
		if isTemplate {
			inner, isTemplate = strings.CutSuffix(inner, "]")
		}
		if (isTemplate && slices.Contains(simpleTypes, inner)) || (!isTemplate && slices.Contains(simpleTypes, t)) {
			a.Type = t
			return
		}
		p.failf(v, "unknown type %q of %s; one of string, int, double, boolean, any, their [] forms, template[...] or members:", t, what)
		return
	case v.kind != kMap:
		p.failf(v, "type of %s must be a type name or a mapping with members, not %s", what, v.describe())
		return
	}
	a.Type = "enum"
	items := p.list(v, "members")
	if v.get("members") == nil {
		p.failf(v, "the enum type of %s has no members", what)
	}
	seen := map[string]Pos{}
	for _, it := range items {
		if p.err != nil || !p.mapping(it, "a member of "+what) {
			return
		}
		mem := Member{Pos: p.pos(it)}
		var idn *node
		mem.ID, idn = p.str(it, "id", true, "a member of "+what)
		mwhat := fmt.Sprintf("member %q of %s", mem.ID, what)
		if first, dup := seen[mem.ID]; dup && idn != nil {
			p.failf(idn, "duplicate member id %q of %s (first at %s)", mem.ID, what, first)
			return
		}
		seen[mem.ID] = mem.Pos
		val := it.get("value")
		switch {
		case val == nil || val.kind == kNull:
			p.failf(it, "%s has no value", mwhat)
			return
		case val.kind != kScalar:
			p.failf(val, "value of %s must be a single value, not %s", mwhat, val.describe())
			return
		}
		mem.Value = val.str
		mem.Type = [...]string{sString: "string", sInt: "int", sFloat: "double", sBool: "boolean"}[val.stype]
		mem.Stability = p.stability(it, mwhat)
		mem.Deprecated = p.deprecated(it, mwhat)
		mem.Brief, _ = p.str(it, "brief", false, mwhat)
		a.Members = append(a.Members, mem)
	}
}

// attrDecl reads the common fields of a declared attribute.
func (p *fileParser) attrDecl(key string, keyNode, m *node) {
	a := &Attribute{Key: key, Pos: p.pos(keyNode)}
	p.attrType(a, m)
	what := fmt.Sprintf("attribute %q", key)
	a.Stability = p.stability(m, what)
	a.Deprecated = p.deprecated(m, what)
	a.Brief, _ = p.str(m, "brief", false, what)
	p.d.attrs = append(p.d.attrs, a)
}

// refs reads a list of attribute references (ref, or in v2 ref_group)
// and returns the referenced keys.
func (p *fileParser) refs(items []*node, what string) []string {
	var keys []string
	for _, it := range items {
		if p.err != nil || !p.mapping(it, "an attribute of "+what) {
			return keys
		}
		if g, gn := p.str(it, "ref_group", false, what); gn != nil {
			p.d.groupRefs = append(p.d.groupRefs, named{"group", g, p.pos(gn)})
			continue
		}
		k, kn := p.str(it, "ref", true, "an attribute of "+what)
		if kn != nil {
			p.d.attrRefs = append(p.d.attrRefs, named{"attribute", k, p.pos(kn)})
			keys = append(keys, k)
		}
	}
	return keys
}

func (p *fileParser) imports(m *node) {
	v := m.get("imports")
	if v == nil || v.kind == kNull || !p.mapping(v, "imports") {
		return
	}
	for i, k := range v.keys {
		switch k.str {
		case "metrics", "events", "entities", "spans", "attribute_groups":
		default:
			p.failf(k, "unknown imports kind %q; one of metrics, events, entities, spans, attribute_groups", k.str)
			return
		}
		lv := v.vals[i]
		if lv.kind == kNull {
			continue
		}
		if lv.kind != kSeq {
			p.failf(lv, "imports %s must be a list of names, not %s", k.str, lv.describe())
			return
		}
		for _, it := range lv.items {
			if it.kind != kScalar || it.str == "" {
				p.failf(it, "an import must be a name or a wildcard, not %s", it.describe())
				return
			}
			p.d.imports = append(p.d.imports, Import{Kind: k.str, Pattern: it.str, Pos: p.pos(it)})
		}
	}
}

var instruments = []string{"counter", "updowncounter", "gauge", "histogram"}

func (p *fileParser) instrument(m *node, what string) string {
	s, n := p.str(m, "instrument", true, what)
	if n != nil && !slices.Contains(instruments, s) {
		p.failf(n, "unknown instrument %q of %s; one of counter, updowncounter, gauge, histogram", s, what)
	}
	return s
}

var spanKinds = []string{"client", "server", "producer", "consumer", "internal"}

func (p *fileParser) spanKind(m *node, key, what string, required bool) string {
	s, n := p.str(m, key, required, what)
	if n != nil && !slices.Contains(spanKinds, s) {
		p.failf(n, "unknown span kind %q of %s; one of client, server, producer, consumer, internal", s, what)
	}
	return s
}

// internalError starts the message of a panic recovered in this package:
// a bug, reported as the file's error rather than as a crash.
const internalError = "internal error in spanattrlint's registry reader"

// parseFile reads one registry file of either syntax.
func parseFile(file string, src []byte) (decls *fileDecls, err error) {
	defer func() {
		if r := recover(); r != nil {
			decls, err = nil, &Error{Pos: Pos{File: file, Line: 1, Col: 1}, Msg: oneLine(fmt.Sprintf("%s (please report it with this file): %v", internalError, r))}
		}
	}()
	root, err := parseYAML(file, src)
	if err != nil {
		return nil, err
	}
	p := &fileParser{file: file}
	p.d.file = file
	switch {
	case root.kind == kNull:
		return &p.d, nil // an empty file declares nothing
	case root.kind != kMap:
		p.failf(root, "a registry file must be a mapping (groups: for v1, file_format: definition/2 for v2), not %s", root.describe())
		return nil, p.err
	}
	v2 := false
	if f, fn := p.str(root, "file_format", false, "the file"); fn != nil {
		switch f {
		case "definition/2":
			v2 = true
		case "definition/1":
		default:
			p.failf(fn, "unknown file_format %q; definition/2, or none for v1", f)
		}
	} else if v, vn := p.str(root, "version", false, "the file"); vn != nil {
		switch v {
		case "2":
			v2 = true
		case "1":
		default:
			p.failf(vn, "unknown version %q; 1 or 2", v)
		}
	}
	if p.err == nil {
		if v2 {
			p.d.syntax = "v2"
			p.v2(root)
		} else {
			p.d.syntax = "v1"
			p.v1(root)
		}
	}
	if p.err != nil {
		return nil, p.err
	}
	return &p.d, nil
}
