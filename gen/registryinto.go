package gen

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/registry"
)

// gen -registry -into: the registry restricts the constants to the keys,
// event names and metric names it (or a dependency) declares, and says where each is
// declared in its comment. A hard-coded string that the registry does not
// declare gets no constant, which would only give the lint's undeclared
// finding a name: it is left as it is, with a note (gen -declare declares
// it; or it is a typo to correct). Span names, which a registry does not
// declare by name, are not restricted.

// declaredUses returns the uses whose value the registry of o declares,
// and where each is declared, by declKey; it marks where the registry
// declares each of members.
func declaredUses(o *Options, mod *module, uses []use, members []memberUse, notes *[]string) ([]use, map[string]string, error) {
	_, reg, err := readRegistry(o, o.Dir)
	if err != nil {
		return nil, nil, err
	}
	markMembersDeclared(members, mod, reg)
	where := map[string]string{}
	left := map[string]bool{}
	metric := false // a metric name among left
	out := uses[:0:0]
	for _, u := range uses {
		pos, origin, ok := declaredAt(reg, u.role, u.value)
		if !ok {
			left[u.value] = true
			metric = metric || u.role == roleMetric
			continue
		}
		if u.role != roleSpan {
			w := origin
			if pos.File != "" {
				w = fmt.Sprintf("%s:%d", displayPath(mod, pos.File), pos.Line)
			}
			where[declKey(u.role == roleKey, u.value)] = w
		}
		out = append(out, u)
	}
	if len(left) > 0 {
		what := "key or event name"
		if metric {
			what = "key, event or metric name"
		}
		*notes = append(*notes, fmt.Sprintf("left alone: %s that the registry does not declare (%s): declare them (spanattrlint gen -registry=%s -declare) or correct them, then run gen again",
			plural(len(left), what), quotedKeys(left), o.Registry))
	}
	return out, where, nil
}

// declaredAt returns where reg declares a key, event name or metric name
// (role), and whether it does; a span name, which a registry does not
// declare by name, counts as declared, nowhere.
func declaredAt(reg *registry.Registry, role, value string) (registry.Pos, string, bool) {
	switch role {
	case roleKey:
		if a, ok := reg.Lookup(value); ok {
			return a.Pos, a.Origin, true
		}
	case roleEvent:
		if e, ok := reg.Event(value); ok {
			return e.Pos, e.Origin, true
		}
	case roleMetric:
		if m, ok := reg.Metric(value); ok {
			return m.Pos, m.Origin, true
		}
	default:
		return registry.Pos{}, "", true
	}
	return registry.Pos{}, "", false
}

// declKey is the key of declaredUses' map for a key (key) or a name.
func declKey(key bool, value string) string {
	if key {
		return "k\x00" + value
	}
	return "n\x00" + value
}

// markDeclared sets where each constant's value is declared, from
// declaredUses' map (nil without -registry).
func markDeclared(consts []*Constant, where map[string]string) {
	for _, c := range consts {
		c.Declared = where[declKey(c.Key, c.Value)]
	}
}

// comment is the constant's doc comment, without the tab and slashes.
func (c *Constant) comment() string {
	if c.Member != "" {
		return fmt.Sprintf("%s is the enum member %s of the attribute key %q, declared in the registry at %s, first seen at %s.", c.Name, c.memberValue(), c.Member, strings.TrimSpace(c.Declared), c.First)
	}
	if c.Declared != "" {
		return fmt.Sprintf("%s is the %s %q, declared in the registry at %s, first seen at %s.", c.Name, c.roleText(), c.Value, strings.TrimSpace(c.Declared), c.First)
	}
	return fmt.Sprintf("%s is the %s %q, first seen at %s.", c.Name, c.roleText(), c.Value, c.First)
}

// memberValue is a member variable's value as Go writes it.
func (c *Constant) memberValue() string {
	if c.MemberInt {
		return c.Value
	}
	return strconv.Quote(c.Value)
}
