package regcheck

import (
	"fmt"
	"go/token"
	"sort"
	"strings"
	"sync"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/nearmiss"
	"github.com/spanattrlint/spanattrlint/internal/registry"
)

// What a site's string names.
type Role int

const (
	Key    Role = iota // an attribute key
	Event              // an event name (AddEvent, a log record's event name)
	Metric             // a metric name (an instrument constructor's name argument)
)

// A Site is a key or event name that the code emits, as a constant: a
// literal or a named constant, at any key or event position.
type Site struct {
	Value    string
	Role     Role
	Pos, End token.Pos // the key or name expression
	Literal  bool      // the expression is one string literal, which a fix may rewrite
}

// A Diagnostic is a finding against the registry.
type Diagnostic struct {
	Pos, End token.Pos
	Category category.Name
	Message  string
	Fix      *Edit // nil: no fix
}

// An Edit replaces [Pos, End) with NewText.
type Edit struct {
	Message  string
	Pos, End token.Pos
	NewText  string
}

// Undeclared reports each site whose key, event name or metric name
// neither the registry nor its dependencies declare (an embedded
// dependency: the semantic conventions' tables, metrics included). A key under a template attribute
// (shop.request.header.x_id under shop.request.header) is declared by it.
func Undeclared(reg *Registry, sites []Site) []Diagnostic {
	out, _ := UndeclaredMissing(reg, sites)
	return out
}

// A Missing is an undeclared key or event name that a declaration of its
// own would declare (not a template's own key), with the declared one it
// is most likely a typo of ("" if none): what gen -declare declares, but
// for the typos.
type Missing struct {
	Site
	Near string
}

// UndeclaredMissing is Undeclared, and also returns the sites among them
// that a declaration of their own would declare.
func UndeclaredMissing(reg *Registry, sites []Site) (out []Diagnostic, missing []Missing) {
	for _, s := range sites {
		var msg string
		declarable := true
		switch s.Role {
		case Key:
			msg, declarable = reg.undeclaredKey(s.Value)
		case Event:
			msg = reg.undeclaredEvent(s.Value)
		case Metric:
			msg = reg.undeclaredMetric(s.Value)
			declarable = false // gen -declare declares keys and events
		}
		if msg != "" {
			out = append(out, Diagnostic{Pos: s.Pos, End: s.End, Category: category.Undeclared, Message: msg})
			if declarable {
				near, _ := reg.nearestName(s.Value, s.Role)
				missing = append(missing, Missing{Site: s, Near: near})
			}
		}
	}
	return out, missing
}

// undeclaredKey returns the message for a key the registry does not
// declare ("" for one it does), and whether a declaration of the key would
// declare it (not so for a template's own key).
func (r *Registry) undeclaredKey(key string) (string, bool) {
	if _, ok := r.Lookup(key); ok {
		return "", false
	}
	if a, ok := r.Attribute(key); ok && a.IsTemplate() {
		return fmt.Sprintf("attribute key %q is a template in the registry (%s): the keys it declares are %s.<name>", key, r.where(a.Pos.File, a.Origin), key), false
	}
	return fmt.Sprintf("attribute key %q is not declared in the registry (%s); declare it or use a declared key%s",
		key, r.Display(r.fileNear(key, r.attrKeys())), r.nearest(key, Key)), true
}

func (r *Registry) undeclaredEvent(name string) string {
	if _, ok := r.Event(name); ok {
		return ""
	}
	return fmt.Sprintf("event name %q is not declared in the registry (%s); declare it or use a declared event%s",
		name, r.Display(r.fileNear(name, r.eventNames())), r.nearest(name, Event))
}

func (r *Registry) undeclaredMetric(name string) string {
	if _, ok := r.Metric(name); ok {
		return ""
	}
	return fmt.Sprintf("metric name %q is not declared in the registry (%s); declare it or use a declared metric%s",
		name, r.Display(r.fileNear(name, r.metricNames())), r.nearest(name, Metric))
}

// DeclaredMetric returns the registry's declaration of the metric called
// name (its own or a dependency's) and where it is declared, as a message
// names it: "registry/shop.yaml:12:7", or the dependency.
func (r *Registry) DeclaredMetric(name string) (m *registry.Metric, where string, ok bool) {
	m, ok = r.Metric(name)
	if !ok {
		return nil, "", false
	}
	pos := ""
	if m.Pos.File != "" {
		pos = m.Pos.String()
	}
	return m, r.where(pos, m.Origin), true
}

// where names the file that declares something, or the dependency.
func (r *Registry) where(file, origin string) string {
	if file != "" {
		return r.Display(file)
	}
	return origin
}

// A declared name of the registry itself, and its file.
type named struct{ name, file string }

func (r *Registry) attrKeys() []named {
	r.namesOnce.Do(r.index)
	return r.keys
}

func (r *Registry) eventNames() []named {
	r.namesOnce.Do(r.index)
	return r.events
}

func (r *Registry) metricNames() []named {
	r.namesOnce.Do(r.index)
	return r.metrics
}

func (r *Registry) index() {
	for _, a := range r.Attributes {
		r.keys = append(r.keys, named{a.Key, a.Pos.File})
	}
	for _, e := range r.Events {
		r.events = append(r.events, named{e.Name, e.Pos.File})
	}
	for _, m := range r.Metrics {
		r.metrics = append(r.metrics, named{m.Name, m.Pos.File})
	}
}

// fileNear returns the file of the registry where a name like name would
// be declared: the one that declares the most specific namespace of it
// (shop.order.id for shop.order.total), else the registry's manifest or
// directory. names is sorted.
func (r *Registry) fileNear(name string, names []named) string {
	for i := strings.LastIndexByte(name, '.'); i > 0; i = strings.LastIndexByte(name[:i], '.') {
		ns := name[:i+1]
		j := sort.Search(len(names), func(j int) bool { return names[j].name >= ns })
		if j < len(names) && strings.HasPrefix(names[j].name, ns) && names[j].file != "" {
			return names[j].file
		}
	}
	if r.Manifest.File != "" {
		return r.Manifest.File
	}
	return r.Dir
}

// nearest returns ": did you mean "k"?" for the declared key (event,
// metric: of role) that name is most likely a typo of, or "". The pools
// are made on the first undeclared name.
func (r *Registry) nearest(name string, role Role) string {
	if near, ok := r.nearestName(name, role); ok {
		return fmt.Sprintf(": did you mean %q?", near)
	}
	return ""
}

// nearestName returns the declared key (event, metric: of role) that name
// is most likely a typo of.
func (r *Registry) nearestName(name string, role Role) (string, bool) {
	r.poolOnce.Do(r.pools)
	p := r.keyPool
	switch role {
	case Event:
		p = r.eventPool
	case Metric:
		p = r.metricPool
	}
	e, ok := p.Nearest(name)
	return e.Value, ok
}

func (r *Registry) pools() {
	pool := func(ns []named) *nearmiss.Pool[struct{}] {
		var es []nearmiss.Entry[struct{}]
		for _, n := range ns {
			es = append(es, nearmiss.Entry[struct{}]{Value: n.name})
		}
		return nearmiss.NewPool(es)
	}
	r.keyPool, r.eventPool, r.metricPool = pool(r.attrKeys()), pool(r.eventNames()), pool(r.metricNames())
}

// lazy holds what the checks make of a registry on first use.
type lazy struct {
	namesOnce                      sync.Once
	keys, events, metrics          []named
	poolOnce                       sync.Once
	keyPool, eventPool, metricPool *nearmiss.Pool[struct{}]
}
