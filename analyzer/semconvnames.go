package analyzer

// Per-version Go names of semconv members and helpers (semconvtab names,
// built by another branch): until it is merged, nothing is named.

func memberName(version, key, value string) (string, bool) { return "", false }

func helperName(version, key string) (string, bool) { return "", false }

// helperType is the Go parameter type of key's helper in version, for a
// key that the registry copy does not type (server.port).
func helperType(version, key string) (string, bool) { return "", false }

// semconvNameKey returns, for an exported variable or function of semconv
// version, the key it sets and (for an enum member) the member's value.
func semconvNameKey(version, name string) (key, value string, member, ok bool) {
	return "", "", false, false
}
