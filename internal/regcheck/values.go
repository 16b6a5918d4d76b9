package regcheck

import (
	"fmt"
	"go/token"
	"slices"
	"strconv"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/nearmiss"
	"github.com/spanattrlint/spanattrlint/internal/registry"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// The checks of what the registry declares of its own keys: the value's
// type, enum members, deprecation and stability, as the analyzer checks
// the semantic conventions' keys against their tables. A key that those
// tables know is left to those checks (a registry that depends on upstream
// declares it too), so that nothing is reported twice.

// A ValueSite is a constant key set with its value.
type ValueSite struct {
	Key string
	// Class is the registry type that the setter sets ("string", "int",
	// "double[]", ...), "" when the call does not say (Map, Slice).
	Class string
	// Setter is the setter as written (attribute.String), and SetterFor
	// writes the setter of the same form for a registry type
	// (attribute.Int for "int"), for the message.
	Setter               string
	SetterFor            func(want string) string
	SetterPos, SetterEnd token.Pos
	// Value is the value's constant, as written in the registry ("paid",
	// "2"), when it is one of a string or int key; ValueKnown says so.
	Value              string
	ValueKnown         bool
	ValuePos, ValueEnd token.Pos
}

// Options are the analyzer's options that govern the checks.
type Options struct {
	ValueTypes, EnumMembers, Deprecated, MigrateDeprecated bool
	Stability                                              string // "" (off) or the lowest level allowed
}

// Values checks the registry's own keys: at every key site, deprecation
// and stability (and event names' stability); at every value site, the
// value's type and enum membership.
func Values(reg *Registry, sites []Site, values []ValueSite, opts Options) []Diagnostic {
	var out []Diagnostic
	minRank, checkStability := semconvtab.StabilityRank(opts.Stability)
	below := func(level string) bool {
		r, ok := semconvtab.StabilityRank(level)
		return checkStability && ok && r < minRank
	}
	for _, s := range sites {
		if s.Role == Event {
			if e, ok := reg.Event(s.Value); ok && e.Origin == "" && e.Deprecated == nil && below(e.Stability) {
				out = append(out, Diagnostic{s.Pos, s.End, category.Stability,
					fmt.Sprintf("event name %q is %s in the registry (%s), below -stability=%s", s.Value, e.Stability, reg.Display(e.Pos.String()), opts.Stability), nil})
			}
			continue
		}
		a, ok := reg.own(s.Value)
		switch {
		case !ok:
		case a.Deprecated != nil && opts.Deprecated:
			out = append(out, reg.deprecated(s, a, opts))
		case a.Deprecated == nil && below(a.Stability):
			out = append(out, Diagnostic{s.Pos, s.End, category.Stability,
				fmt.Sprintf("attribute key %q is %s in the registry (%s), below -stability=%s", s.Value, a.Stability, reg.Display(a.Pos.String()), opts.Stability), nil})
		}
	}
	for _, v := range values {
		a, ok := reg.own(v.Key)
		if !ok {
			continue
		}
		want := a.ValueType()
		switch {
		case v.Class != "" && want != "any" && want != v.Class:
			if opts.ValueTypes {
				out = append(out, Diagnostic{v.SetterPos, v.SetterEnd, category.ValueType,
					fmt.Sprintf("attribute key %q is %s in the registry (%s), set here with %s: use %s", v.Key, article(want), reg.Display(a.Pos.String()), v.Setter, v.SetterFor(want)), nil})
			}
		case a.Type == "enum" && v.ValueKnown && (a.Deprecated == nil || !opts.Deprecated):
			if d, ok := reg.member(a, v, opts, below); ok {
				out = append(out, d)
			}
		}
	}
	return out
}

// own returns the attribute the registry (or a dependency read from disk)
// declares for key, exactly or by a template, unless the semantic
// conventions' tables know the key: the analyzer's own checks judge those.
func (r *Registry) own(key string) (*registry.Attribute, bool) {
	a, ok := r.Lookup(key)
	if !ok {
		return nil, false
	}
	if _, known := semconvtab.LookupAttribute(key); known {
		return nil, false
	}
	if _, known := semconvtab.LookupDeprecated(key); known {
		return nil, false
	}
	if _, _, known := semconvtab.ValueType(key); known {
		return nil, false
	}
	return a, true
}

// deprecated reports a deprecated key; with -migrate-deprecated, a
// renamed key written as a literal is fixed to its successor (which
// changes the telemetry, as the semantic-convention migration does).
func (r *Registry) deprecated(s Site, a *registry.Attribute, opts Options) Diagnostic {
	d := a.Deprecated
	msg := fmt.Sprintf("attribute key %q is deprecated in the registry (%s): ", s.Value, r.Display(a.Pos.String())) + DeprecationNote(d)
	diag := Diagnostic{Pos: s.Pos, End: s.End, Category: category.Deprecated, Message: strings.TrimSuffix(msg, ": ")}
	if d.Reason == "renamed" && d.RenamedTo != "" && opts.MigrateDeprecated && s.Literal {
		diag.Fix = &Edit{Message: fmt.Sprintf("Rename to %q", d.RenamedTo), Pos: s.Pos, End: s.End, NewText: strconv.Quote(d.RenamedTo)}
	}
	return diag
}

// DeprecationNote is what a message says after "is deprecated in the
// registry (FILE): ": `renamed to "KEY"`, "obsoleted" with the note, or
// the note; "" for a deprecation without a note.
func DeprecationNote(d *registry.Deprecation) string {
	switch d.Reason {
	case "renamed":
		return fmt.Sprintf("renamed to %q", d.RenamedTo)
	case "obsoleted":
		if n := oneLine(d.Note); n != "" {
			return "obsoleted: " + n
		}
		return "obsoleted"
	}
	return oneLine(d.Note)
}

// member checks a constant value of an enum key: no member (with the one
// it most likely means), a deprecated member, a member below -stability.
func (r *Registry) member(a *registry.Attribute, v ValueSite, opts Options, below func(string) bool) (Diagnostic, bool) {
	value := v.Value
	i := slices.IndexFunc(a.Members, func(m registry.Member) bool { return m.Value == value })
	quoted := quoteMember(value, a.ValueType())
	at := r.Display(a.Pos.String())
	switch {
	case i < 0 && opts.EnumMembers:
		msg := fmt.Sprintf("attribute key %q set to %s, which is no member of its enum in the registry (%s)", a.Key, quoted, at)
		if m, ok := nearestMember(a, value); ok {
			msg += fmt.Sprintf(": did you mean %s?", quoteMember(m, a.ValueType()))
		} else {
			msg += ": " + memberList(a)
		}
		return Diagnostic{v.ValuePos, v.ValueEnd, category.EnumMember, msg, nil}, true
	case i < 0:
	case a.Members[i].Deprecated != nil && opts.Deprecated:
		msg := fmt.Sprintf("attribute key %q set to %s, an enum member deprecated in the registry (%s)", a.Key, quoted, r.Display(a.Members[i].Pos.String()))
		if n := oneLine(a.Members[i].Deprecated.Note); n != "" {
			msg += ": " + n
		}
		return Diagnostic{v.ValuePos, v.ValueEnd, category.Deprecated, msg, nil}, true
	case a.Members[i].Deprecated == nil && below(a.Members[i].Stability):
		return Diagnostic{v.ValuePos, v.ValueEnd, category.Stability, fmt.Sprintf("enum member %s of attribute key %q is %s in the registry (%s), below -stability=%s",
			quoted, a.Key, a.Members[i].Stability, r.Display(a.Members[i].Pos.String()), opts.Stability), nil}, true
	}
	return Diagnostic{}, false
}

// nearestMember returns the current member that value differs from only
// in case, or is most likely a typo of.
func nearestMember(a *registry.Attribute, value string) (string, bool) {
	var entries []nearmiss.Entry[struct{}]
	for _, m := range a.Members {
		if m.Deprecated != nil {
			continue
		}
		if strings.EqualFold(m.Value, value) {
			return m.Value, true
		}
		entries = append(entries, nearmiss.Entry[struct{}]{Value: m.Value})
	}
	if e, ok := nearmiss.NewPool(entries).Nearest(value); ok {
		return e.Value, true
	}
	return "", false
}

// memberList names the current members: "one of "pending", "paid"".
func memberList(a *registry.Attribute) string {
	var vs []string
	for _, m := range a.Members {
		if m.Deprecated == nil {
			vs = append(vs, quoteMember(m.Value, a.ValueType()))
		}
	}
	return "one of " + strings.Join(vs, ", ")
}

func quoteMember(v, typ string) string {
	if typ == "string" {
		return strconv.Quote(v)
	}
	return v
}

func article(t string) string {
	if strings.HasPrefix(t, "int") {
		return "an " + t
	}
	return "a " + t
}

// oneLine makes a registry note (Markdown, perhaps several lines) one
// line of text.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "`", "")), " ")
}

// CurrentMember returns the id of the member value of key's enum, where
// the registry itself declares key (not the conventions' tables), neither
// key nor member deprecated, and the member of type class: a value that
// a member variable may name (gen -registry -into writes them).
func (r *Registry) CurrentMember(key, value, class string) (id string, ok bool) {
	a, ok := r.own(key)
	if !ok || a.Type != "enum" || a.Deprecated != nil || a.Key != key {
		return "", false
	}
	for _, m := range a.Members {
		if m.Value == value && m.Deprecated == nil && m.Type == class {
			return m.ID, true
		}
	}
	return "", false
}
