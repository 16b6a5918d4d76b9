package registry

import (
	"fmt"
	"slices"
	"strings"
)

// A Pos is a place in a registry file: its path as the reader was given
// it (the registry directory joined with the file's path under it), and a
// 1-based line and column. The zero Pos is "no file" (an attribute of the
// embedded conventions).
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// An Error is a registry that cannot be read: a malformed file, an
// unknown type, a ref to nothing, a duplicate, an unresolvable
// dependency. Its text is one line, "file.yaml:LINE:COL: what is wrong".
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string {
	if e.Pos.File == "" {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// A Deprecation says why a declaration is deprecated.
type Deprecation struct {
	// Reason is "renamed", "obsoleted", "uncategorized" or "unspecified"
	// (the older syntax, deprecated: "free text", is "unspecified").
	Reason    string
	RenamedTo string // the replacement when Reason is "renamed"
	Note      string
}

// An Attribute is a declared attribute key.
type Attribute struct {
	Key string
	// Type is "string", "int", "double", "boolean", "any", the [] forms
	// ("string[]"), "template[T]" for a template whose keys are Key.x, or
	// "enum" (see Members and ValueType).
	Type       string
	Members    []Member // an enum's members, in declaration order
	Stability  string   // "stable", "development", "alpha", "beta", "release_candidate", ... ("" if not given)
	Deprecated *Deprecation
	Brief      string
	Pos        Pos    // where it is declared (the id: or key: line); zero for the embedded conventions
	Origin     string // "" for this registry, else the schema URL (or path) of the dependency that declares it
}

// ValueType returns the type of a value of the attribute: Type, an enum's
// member type, or a template's element type ("template[int]" gives "int").
func (a *Attribute) ValueType() string {
	switch {
	case a.Type == "enum":
		if len(a.Members) > 0 {
			return a.Members[0].Type
		}
		return "string"
	case strings.HasPrefix(a.Type, "template["):
		return strings.TrimSuffix(strings.TrimPrefix(a.Type, "template["), "]")
	}
	return a.Type
}

// IsTemplate reports whether the attribute declares the keys under it.
func (a *Attribute) IsTemplate() bool { return strings.HasPrefix(a.Type, "template[") }

// A Member is a member of an enum attribute.
type Member struct {
	ID         string
	Value      string // as written: "GET", "5", "true"
	Type       string // the value's type: "string", "int", "double" or "boolean"
	Stability  string
	Deprecated *Deprecation
	Brief      string
	Pos        Pos
}

// An Event is a declared event (a v1 group of type event, by its name; a
// v2 events entry).
type Event struct {
	Name       string
	Stability  string
	Deprecated *Deprecation
	Brief      string
	Attributes []string // the keys it refs
	Pos        Pos
	Origin     string
}

// A Metric is a declared metric.
type Metric struct {
	Name       string
	Instrument string // "counter", "updowncounter", "gauge" or "histogram"
	Unit       string
	Stability  string
	Deprecated *Deprecation
	Brief      string
	Attributes []string
	Pos        Pos
	Origin     string
}

// A Span is a declared span type (a v1 group of type span, by its id; a v2
// spans entry, by its type).
type Span struct {
	Type       string
	Kind       string // "client", "server", "producer", "consumer", "internal" or ""
	Name       string // v2: the name's note, e.g. "{http.request.method} {http.route}"
	Stability  string
	Deprecated *Deprecation
	Brief      string
	Attributes []string
	Pos        Pos
	Origin     string
}

// An Import is a v2 imports wildcard: which signals of the dependencies
// the registry takes over.
type Import struct {
	Kind    string // "metrics", "events", "entities", "spans" or "attribute_groups"
	Pattern string // "http.server.*"
	Pos     Pos
}

// Matches reports whether name matches the wildcard: a "*" matches any
// run of characters.
func (i Import) Matches(name string) bool { return wildcard(i.Pattern, name) }

func wildcard(pat, s string) bool {
	star := strings.IndexByte(pat, '*')
	if star < 0 {
		return pat == s
	}
	if !strings.HasPrefix(s, pat[:star]) {
		return false
	}
	rest := pat[star+1:]
	s = s[star:]
	for i := 0; i <= len(s); i++ {
		if wildcard(rest, s[i:]) {
			return true
		}
	}
	return false
}

// A Registry is a read and resolved registry: its own declarations and,
// behind them, its dependencies'.
type Registry struct {
	Dir          string
	Manifest     Manifest
	Attributes   []*Attribute // this registry's, sorted by key
	Events       []*Event     // sorted by name
	Metrics      []*Metric    // sorted by name
	Spans        []*Span      // sorted by type
	Imports      []Import
	Dependencies []*Dependency // in manifest order
	// Syntaxes are the syntaxes of the registry's own files, by file as
	// positions name it: "v1" or "v2" (an empty file is not there).
	Syntaxes map[string]string

	attrs   map[string]*Attribute
	events  map[string]*Event
	metrics map[string]*Metric
	spans   map[string]*Span
	groups  map[string]Pos // v1 group ids and v2 attribute group ids
}

// Attribute returns the attribute declared with exactly key, by the
// registry or else by its dependencies (in manifest order).
func (r *Registry) Attribute(key string) (*Attribute, bool) {
	if a, ok := r.attrs[key]; ok {
		return a, true
	}
	for _, d := range r.Dependencies {
		if a, ok := d.attribute(key); ok {
			return a, true
		}
	}
	return nil, false
}

// Template returns the template attribute whose keys include key (key is
// its key, a dot, and more), the longest such, from the registry or its
// dependencies.
func (r *Registry) Template(key string) (*Attribute, bool) {
	for i := strings.LastIndexByte(key, '.'); i > 0; i = strings.LastIndexByte(key[:i], '.') {
		if a, ok := r.Attribute(key[:i]); ok && a.IsTemplate() {
			return a, true
		}
	}
	return nil, false
}

// Lookup returns the attribute that declares key: an exact declaration,
// else a template that key falls under. A template's own key is not a key
// to emit (http.request.header declares http.request.header.NAME), so it
// is found only by Attribute.
func (r *Registry) Lookup(key string) (*Attribute, bool) {
	if a, ok := r.Attribute(key); ok && !a.IsTemplate() {
		return a, true
	}
	return r.Template(key)
}

// Event returns the event called name.
func (r *Registry) Event(name string) (*Event, bool) {
	if e, ok := r.events[name]; ok {
		return e, true
	}
	for _, d := range r.Dependencies {
		if e, ok := d.event(name); ok {
			return e, true
		}
	}
	return nil, false
}

// Metric returns the metric called name, from the registry or else its
// dependencies (an embedded one: the conventions' metrics table).
func (r *Registry) Metric(name string) (*Metric, bool) {
	if m, ok := r.metrics[name]; ok {
		return m, true
	}
	for _, d := range r.Dependencies {
		if m, ok := d.metric(name); ok {
			return m, true
		}
	}
	return nil, false
}

// Span returns the span type called typ.
func (r *Registry) Span(typ string) (*Span, bool) {
	if s, ok := r.spans[typ]; ok {
		return s, true
	}
	for _, d := range r.Dependencies {
		if d.reg != nil {
			if s, ok := d.reg.Span(typ); ok {
				return s, true
			}
		}
	}
	return nil, false
}

// CoversSpans reports whether Span knows every span of the registry and
// its dependencies: false when a dependency is satisfied from the
// embedded conventions, whose tables hold attributes, enum members,
// events and metrics but no spans. A check that a span is declared must
// not report one Span does not find then.
func (r *Registry) CoversSpans() bool {
	for _, d := range r.Dependencies {
		if d.Embedded || (d.reg != nil && !d.reg.CoversSpans()) {
			return false
		}
	}
	return true
}

func (r *Registry) index() {
	r.attrs = make(map[string]*Attribute, len(r.Attributes))
	for _, a := range r.Attributes {
		r.attrs[a.Key] = a
	}
	r.events = make(map[string]*Event, len(r.Events))
	for _, e := range r.Events {
		r.events[e.Name] = e
	}
	r.metrics = make(map[string]*Metric, len(r.Metrics))
	for _, m := range r.Metrics {
		r.metrics[m.Name] = m
	}
	r.spans = make(map[string]*Span, len(r.Spans))
	for _, s := range r.Spans {
		r.spans[s.Type] = s
	}
}

func sortByKey[T any](s []T, key func(T) string) {
	slices.SortFunc(s, func(a, b T) int { return strings.Compare(key(a), key(b)) })
}
