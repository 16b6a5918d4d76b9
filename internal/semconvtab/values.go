package semconvtab

import (
	"slices"
	"strings"
)

// Value facts: what the registry says a key's value is (its type, the
// members of an enum) and how stable keys, members and events are. The
// members are in values_gen.go, made from registry/enum-members.tsv.

// A Member is a member of an enum attribute.
type Member struct {
	Key        string // the enum attribute, "http.request.method"
	ID         string // the member id, "get"
	Value      string // the value: "GET"; an int member's in decimal, "5"
	Type       string // the value's type: "string" or "int"
	Stability  string
	Deprecated bool
	Note       string // for a deprecated member: the replacement value or free text (Markdown)
}

// Members returns the members of the enum attribute key, sorted by value
// (a current member before a deprecated one of the same value), or nil.
// Callers must not modify the result.
func Members(key string) []Member {
	lo, _ := slices.BinarySearchFunc(members, key, func(m Member, k string) int { return strings.Compare(m.Key, k) })
	hi := lo
	for hi < len(members) && members[hi].Key == key {
		hi++
	}
	return members[lo:hi:hi]
}

// LookupMember returns the member of enum attribute key with value, a
// current one if there is one.
func LookupMember(key, value string) (Member, bool) {
	ms := Members(key)
	i, ok := slices.BinarySearchFunc(ms, value, func(m Member, v string) int { return strings.Compare(m.Value, v) })
	if !ok {
		return Member{}, false
	}
	return ms[i], true
}

// ValueType returns the type the registry gives key's value: "string",
// "int", "double", "boolean", "string[]", "int[]", "double[]",
// "boolean[]" or "any". An enum's is its members' ("string" or "int"), and
// a key under a template attribute (http.request.header.x under
// http.request.header, template[string[]]) has the template's. Deprecated
// keys are found too. Template reports whether the type came from a
// template; ok is false for a key the registry does not type.
func ValueType(key string) (typ string, template, ok bool) {
	if a, ok := LookupAttribute(key); ok {
		return resolveType(key, a.Type)
	}
	if d, ok := LookupDeprecated(key); ok {
		return resolveType(key, d.Type)
	}
	for i := strings.LastIndexByte(key, '.'); i > 0; i = strings.LastIndexByte(key[:i], '.') {
		a, ok := LookupAttribute(key[:i])
		if !ok {
			d, dok := LookupDeprecated(key[:i])
			if !dok {
				continue
			}
			a = Attribute{Key: d.Key, Type: d.Type}
		}
		if inner, ok := strings.CutPrefix(a.Type, "template["); ok {
			return strings.TrimSuffix(inner, "]"), true, true
		}
	}
	return "", false, false
}

func resolveType(key, t string) (string, bool, bool) {
	switch {
	case t == "enum":
		if ms := Members(key); len(ms) > 0 {
			return ms[0].Type, false, true
		}
		return "", false, false
	case strings.HasPrefix(t, "template["):
		// The template attribute itself, not a key under it.
		return "", false, false
	}
	return t, false, true
}

// StabilityRank orders the stability levels: development (and its older
// name experimental) 0, alpha 1, beta 2, release_candidate 3, stable 4.
// ok is false for an unknown level.
func StabilityRank(level string) (rank int, ok bool) {
	i := slices.Index(stabilities, level)
	if i < 0 {
		return 0, false
	}
	if i > 0 {
		i-- // experimental shares development's rank
	}
	return i, true
}

// KeyStability returns the stability of the current registry attribute
// key, or of the template attribute a key extends.
func KeyStability(key string) (string, bool) {
	if a, ok := LookupAttribute(key); ok {
		return a.Stability, true
	}
	for i := strings.LastIndexByte(key, '.'); i > 0; i = strings.LastIndexByte(key[:i], '.') {
		if a, ok := LookupAttribute(key[:i]); ok && strings.HasPrefix(a.Type, "template[") {
			return a.Stability, true
		}
	}
	return "", false
}
