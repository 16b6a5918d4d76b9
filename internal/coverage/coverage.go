// Package coverage compares what the code emits with what a team's Weaver
// registry declares (the command's -registry-coverage): for each
// attribute, event and metric the registry itself declares, whether and
// where the code emits it; for each that a dependency declares, where the
// code emits it; and what the code emits that neither declares.
//
// Its inputs are explicit: the registry (internal/regcheck, as the
// analyzer read it) and the names the code emits with their positions
// (the analyzer's Result.Emitted over every package); its output is a
// Report, printed as a table or as JSON. It knows nothing of go/analysis.
package coverage

import (
	"cmp"
	"slices"

	"github.com/spanattrlint/spanattrlint/internal/regcheck"
	"github.com/spanattrlint/spanattrlint/internal/registry"
)

// A Kind is what a declaration or an emitted name is.
type Kind string

const (
	Attribute Kind = "attribute" // an attribute key
	Event     Kind = "event"     // an event name
	Metric    Kind = "metric"    // a metric (instrument) name
)

var kindOrder = map[Kind]int{Attribute: 0, Event: 1, Metric: 2}

// Own is the Origin of the registry's own declarations.
const Own = "own"

// An Emission is a name the code emits at a position.
type Emission struct {
	Kind Kind
	Name string
	Pos  Position
}

// A Position is a place in a Go file, the file relative to the module
// root where it is under it.
type Position struct {
	File      string
	Line, Col int
}

func (p Position) String() string { return p.File + ":" + itoa(p.Line) + ":" + itoa(p.Col) }

func comparePos(a, b Position) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// A Row is a declaration with what the code emits of it, or a name the
// code emits that nothing declares.
type Row struct {
	Kind Kind `json:"kind"`
	// Name is the key or name; for a template attribute its prefix: the
	// keys Name.<anything> are its.
	Name     string `json:"name"`
	Template bool   `json:"template,omitempty"`
	// Origin is "own" for the registry's own declarations, else the
	// dependency that declares it (its registry_path or schema_url, as
	// the manifest writes it); "" for a name nothing declares.
	Origin   string `json:"origin,omitempty"`
	Declared string `json:"declared,omitempty"` // where: file:line:col, relative to the module root ("" for the embedded conventions)
	Emitted  bool   `json:"emitted"`
	Count    int    `json:"count"` // how many places emit it
	// Positions are those places, sorted: file:line:col, relative to the
	// module root.
	Positions []string `json:"positions"`

	pos []Position
}

// A Report is the coverage of one registry.
type Report struct {
	Registry string `json:"registry"` // the registry's directory, relative to the module root
	// Declared: the registry's own declarations, every one, then those of
	// its dependencies that the code emits; by origin (own first), kind
	// (attribute, event, metric) and name.
	Declared []Row `json:"declared"`
	// Undeclared: the names the code emits that neither the registry nor
	// its dependencies declare, by kind and name.
	Undeclared []Row `json:"undeclared"`
}

// Build compares emitted with reg.
func Build(reg *regcheck.Registry, emitted []Emission) *Report {
	b := builder{reg: reg, rows: map[rowKey]*Row{}}
	for _, a := range reg.Attributes {
		b.row(rowKey{Attribute, a.Key, false}, Own, a.Pos).Template = a.IsTemplate()
	}
	for _, e := range reg.Events {
		b.row(rowKey{Event, e.Name, false}, Own, e.Pos)
	}
	for _, m := range reg.Metrics {
		b.row(rowKey{Metric, m.Name, false}, Own, m.Pos)
	}
	for _, em := range emitted {
		b.emit(em)
	}
	rep := &Report{Registry: reg.Display(reg.Dir), Declared: []Row{}, Undeclared: []Row{}}
	for k, r := range b.rows {
		r.finish()
		if k.undeclared {
			rep.Undeclared = append(rep.Undeclared, *r)
		} else {
			rep.Declared = append(rep.Declared, *r)
		}
	}
	slices.SortFunc(rep.Declared, func(a, b Row) int {
		return cmp.Or(cmp.Compare(originRank(a.Origin), originRank(b.Origin)), cmp.Compare(a.Origin, b.Origin),
			cmp.Compare(kindOrder[a.Kind], kindOrder[b.Kind]), cmp.Compare(a.Name, b.Name))
	})
	slices.SortFunc(rep.Undeclared, func(a, b Row) int {
		return cmp.Or(cmp.Compare(kindOrder[a.Kind], kindOrder[b.Kind]), cmp.Compare(a.Name, b.Name))
	})
	return rep
}

func originRank(o string) int {
	if o == Own {
		return 0
	}
	return 1
}

// rowKey: a template's own key emitted is undeclared (the code must emit
// the keys under it), and has a row of its own beside the template's.
type rowKey struct {
	kind       Kind
	name       string
	undeclared bool
}

type builder struct {
	reg  *regcheck.Registry
	rows map[rowKey]*Row
}

func (b *builder) row(k rowKey, origin string, declared registry.Pos) *Row {
	if r := b.rows[k]; r != nil {
		return r
	}
	r := &Row{Kind: k.kind, Name: k.name, Origin: origin}
	if declared.File != "" {
		declared.File = b.reg.Display(declared.File)
		r.Declared = declared.String()
	}
	b.rows[k] = r
	return r
}

// emit counts em in the row of what declares it, made for a dependency's
// declaration or an undeclared name at its first emission.
func (b *builder) emit(em Emission) {
	var r *Row
	switch em.Kind {
	case Attribute:
		if a, ok := b.reg.Lookup(em.Name); ok {
			r = b.row(rowKey{Attribute, a.Key, false}, b.origin(a.Origin, func(d *registry.Registry) bool {
				x, ok := d.Attribute(a.Key)
				return ok && x == a
			}), a.Pos)
			r.Template = a.IsTemplate()
		}
	case Event:
		if e, ok := b.reg.Event(em.Name); ok {
			r = b.row(rowKey{Event, e.Name, false}, b.origin(e.Origin, func(d *registry.Registry) bool {
				x, ok := d.Event(e.Name)
				return ok && x == e
			}), e.Pos)
		}
	case Metric:
		if m, ok := b.reg.Metric(em.Name); ok {
			r = b.row(rowKey{Metric, m.Name, false}, b.origin(m.Origin, func(d *registry.Registry) bool {
				x, ok := d.Metric(m.Name)
				return ok && x == m
			}), m.Pos)
		}
	}
	if r == nil {
		r = b.row(rowKey{em.Kind, em.Name, true}, "", registry.Pos{})
	}
	r.pos = append(r.pos, em.Pos)
}

// origin names where a declaration found by a lookup comes from: the
// registry itself ("own"), the embedded conventions' dependency (the
// origin the lookup gave), or the first local dependency whose registry
// holds it.
func (b *builder) origin(given string, holds func(*registry.Registry) bool) string {
	if given != "" {
		return given
	}
	for _, d := range b.reg.Dependencies {
		if d.Registry() != nil && holds(d.Registry()) {
			return d.String()
		}
	}
	return Own
}

// finish sorts the row's positions and drops repeats (a package and its
// test variant share their files).
func (r *Row) finish() {
	slices.SortFunc(r.pos, comparePos)
	r.pos = slices.Compact(r.pos)
	r.Count = len(r.pos)
	r.Emitted = r.Count > 0
	r.Positions = make([]string, len(r.pos))
	for i, p := range r.pos {
		r.Positions[i] = p.String()
	}
}
