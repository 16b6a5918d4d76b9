// Package semconvtab holds OpenTelemetry semantic-convention facts as
// tables compiled into the binary.
//
// Two sources feed it, both fixed at generation time:
//
//   - the newest go.opentelemetry.io/otel/semconv/vX.Y.Z package of
//     the otel module pinned in otelpin/go.mod (ImportPath), for the names of its
//     attribute.Key and event-name constants, so that the analyzer can
//     suggest "use semconv.ServerPortKey" instead of "server.port";
//   - the semantic-conventions registry, copied into registry/ (see
//     registry/PROVENANCE.md), for stability, types and deprecations.
//     The Go packages drop deprecated attributes from v1.36.0 on, so
//     only the registry can say "http.method is now http.request.method".
//
// The tables are sorted slices searched by binary search. Unlike maps
// they are laid out by the compiler as static data, so importing the
// package costs nothing at init time, which matters for a linter that
// is loaded into every golangci-lint run.
//
// To regenerate after changing the otel version or registry/, run
//
//	go generate ./internal/semconvtab/
package semconvtab

import (
	"slices"
	"strings"
)

//go:generate go run ./internal/gen

// An Attribute is a current (not deprecated) registry attribute.
type Attribute struct {
	Key       string // e.g. "server.port"
	Type      string // e.g. "string", "int", "string[]", "enum", "template[string]"
	Stability string // e.g. "stable", "release_candidate", "development"
}

// A Deprecated is a deprecated registry attribute.
type Deprecated struct {
	Key       string
	Reason    string // "renamed", "obsoleted" or "uncategorized"
	RenamedTo string // the replacement key if Reason is "renamed", else ""
	Note      string // free-text advice (Markdown), often naming replacements; may be ""
	Type      string
}

// An Event is a registry event name.
type Event struct {
	Name       string
	Stability  string
	Deprecated bool
}

// constName pairs a constant's string value with its Go name.
type constName struct{ value, name string }

// KeyConst returns the name of the attribute.Key constant in ImportPath
// whose value is key.
func KeyConst(key string) (name string, ok bool) {
	c, ok := find(keyConsts, key, func(c constName) string { return c.value })
	return c.name, ok
}

// EventConst returns the name of the event-name constant in ImportPath
// whose value is event.
func EventConst(event string) (name string, ok bool) {
	c, ok := find(eventConsts, event, func(c constName) string { return c.value })
	return c.name, ok
}

// LookupAttribute returns the current registry attribute key.
// Deprecated keys are not found; see LookupDeprecated.
func LookupAttribute(key string) (Attribute, bool) {
	return find(attributes, key, func(a Attribute) string { return a.Key })
}

// LookupDeprecated returns the deprecated registry attribute key.
func LookupDeprecated(key string) (Deprecated, bool) {
	return find(deprecated, key, func(d Deprecated) string { return d.Key })
}

// LookupEvent returns the registry event called name.
func LookupEvent(name string) (Event, bool) {
	return find(events, name, func(e Event) string { return e.Name })
}

// Attributes returns all current registry attributes sorted by key,
// for near-miss (typo) search. Callers must not modify the result.
func Attributes() []Attribute { return attributes }

// find binary-searches tab, which the generator sorted by key.
func find[T any](tab []T, key string, keyOf func(T) string) (T, bool) {
	i, ok := slices.BinarySearchFunc(tab, key, func(e T, key string) int {
		return strings.Compare(keyOf(e), key)
	})
	if !ok {
		var zero T
		return zero, false
	}
	return tab[i], true
}

// KeyConstValues yields the values of the attribute.Key constants of
// ImportPath in sorted order: the keys the Go package defines, some of
// which the registry copy lacks (server.port, client.address).
func KeyConstValues(yield func(string) bool) {
	for _, c := range keyConsts {
		if !yield(c.value) {
			return
		}
	}
}
