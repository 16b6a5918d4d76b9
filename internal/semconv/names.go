package semconv

import "github.com/spanattrlint/spanattrlint/internal/semconvtab"

// Per-version Go names of semconv members and helpers, for the value
// checks' messages and fixes.

// MemberName returns the Go name of the member variable of key with value
// in semconv version ("v1.26.0").
func MemberName(version, key, value string) (string, bool) {
	return semconvtab.MemberIn(version, key, value)
}

// HelperName returns the Go name of the helper function that sets key in
// semconv version.
func HelperName(version, key string) (string, bool) { return semconvtab.HelperIn(version, key) }

// HelperType is the Go parameter type of key's helper in version, for a
// key that the registry copy does not type (server.port).
func HelperType(version, key string) (string, bool) {
	n, ok := semconvtab.HelperIn(version, key)
	if !ok {
		return "", false
	}
	h, ok := semconvtab.NameIn(version, n)
	if !ok || h.Kind != semconvtab.KindHelper || h.Key != key {
		return "", false
	}
	return h.Type, true
}

// NameKey returns, for an exported variable or function of semconv
// version, the key it sets and (for an enum member) the member's value.
func NameKey(version, name string) (key, value string, member, ok bool) {
	n, ok := semconvtab.NameIn(version, name)
	switch {
	case !ok:
		return "", "", false, false
	case n.Kind == semconvtab.KindMember:
		return n.Key, n.Value, true, true
	case n.Kind == semconvtab.KindHelper:
		return n.Key, "", false, true
	}
	return "", "", false, false
}
