package analyzer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/spanattrlint/spanattrlint/internal/nearmiss"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// This file checks what a key says rather than where it is written:
// deprecated semantic-convention keys, near misses of known keys, and
// OpenTelemetry's naming rules, with the project's own opt-in rules.

// The deprecated check: a key the semantic conventions have retired, with
// the reason and the replacement, if any.

// deprecation returns the registry's deprecation of key. Keys without a
// namespace ("state") are left alone: a project's own "state" is not the
// retired semconv one. Nor are keys the registry marks as moved to another
// conventions repository (relocated, not retired), nor keys that the newest
// Go semconv package still defines.
func deprecation(key string) (semconvtab.Deprecated, bool) {
	if !strings.Contains(key, ".") {
		return semconvtab.Deprecated{}, false
	}
	d, ok := semconvtab.LookupDeprecated(key)
	if !ok || strings.HasPrefix(d.Note, "Moved to") {
		return semconvtab.Deprecated{}, false
	}
	if _, current := semconvtab.KeyConst(key); current {
		// The registry copy is newer than the newest Go semconv package,
		// which still defines the key with no successor to use.
		return semconvtab.Deprecated{}, false
	}
	return d, true
}

// deprecationMessage says why key is deprecated and what replaces it;
// instead names the replacement constant, if any.
func deprecationMessage(d semconvtab.Deprecated, instead string) string {
	msg := fmt.Sprintf("attribute key %q is deprecated in the semantic conventions: ", d.Key)
	switch d.Reason {
	case "renamed":
		msg += fmt.Sprintf("renamed to %q", d.RenamedTo)
		if instead != "" {
			msg += " (" + instead + ")"
		}
		return msg
	case "obsoleted":
		msg += "obsoleted"
	}
	if note := plainNote(d.Note); note != "" {
		if d.Reason == "obsoleted" {
			msg += ": "
		}
		msg += note
	}
	return msg
}

// mdLink matches a Markdown link; the registry copy cuts some notes short
// inside one, so the closing parenthesis is optional.
var mdLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)?`)

// plainNote turns a registry note (Markdown) into one line of text.
func plainNote(note string) string {
	note = mdLink.ReplaceAllString(note, "$1")
	note = strings.ReplaceAll(note, "`", "")
	return strings.Join(strings.Fields(note), " ")
}

// The naming checks: OpenTelemetry's naming rules for attribute keys, and
// the project's own opt-in rules (-key-prefix, -forbidden-keys,
// -event-style). Semantic-convention keys are exempt.

// isKnownKey reports whether key is a semantic-convention key, current or
// deprecated: such keys are exempt from naming rules and are no typos.
func isKnownKey(key string) bool {
	if _, ok := semconvtab.LookupAttribute(key); ok {
		return true
	}
	if _, ok := semconvtab.KeyConst(key); ok {
		return true
	}
	if _, ok := semconvtab.LookupDeprecated(key); ok {
		return true
	}
	return underTemplate(key)
}

// underTemplate reports whether key extends a template attribute such as
// http.request.header.<name>, whose last part is the user's to choose.
func underTemplate(key string) bool {
	for i := strings.LastIndexByte(key, '.'); i > 0; i = strings.LastIndexByte(key[:i], '.') {
		if a, ok := semconvtab.LookupAttribute(key[:i]); ok && strings.HasPrefix(a.Type, "template[") {
			return true
		}
	}
	return false
}

// snakeCase reports whether c is runs of [a-z0-9] (with upper, [A-Z0-9])
// joined by single underscores: `^[a-z0-9]+(_[a-z0-9]+)*$` without a
// regular expression, as it is checked for every component of every key.
func snakeCase(c string, upper bool) bool {
	lo, hi := byte('a'), byte('z')
	if upper {
		lo, hi = 'A', 'Z'
	}
	underscore := true // as if one came before: no leading underscore
	for i := 0; i < len(c); i++ {
		switch b := c[i]; {
		case lo <= b && b <= hi || '0' <= b && b <= '9':
			underscore = false
		case b == '_' && !underscore:
			underscore = true
		default:
			return false
		}
	}
	return !underscore // not empty, no trailing underscore
}

// namingAdvice checks OpenTelemetry's attribute naming rules and returns
// what to do, or "" when key follows them.
func namingAdvice(key string) string { return namingRules(key, isKnownKey(key)) }

// namingRules is namingAdvice for a key already looked up: known keys are
// exempt.
func namingRules(key string, known bool) string {
	if known {
		return ""
	}
	if key == "otel" || strings.HasPrefix(key, "otel.") {
		return fmt.Sprintf("attribute key %q is in the otel namespace, which OpenTelemetry reserves for its own keys: use a namespace of your own", key)
	}
	for c := range strings.SplitSeq(key, ".") {
		if !snakeCase(c, false) {
			return fmt.Sprintf("attribute key %q breaks the OpenTelemetry naming rules: use lowercase snake_case components separated by dots, e.g. %q", key, normalizeKey(key))
		}
	}
	return ""
}

// normalizeKey suggests a key that follows the naming rules:
// "Request.userID" becomes "request.user_id".
func normalizeKey(key string) string {
	var parts []string
	for _, c := range strings.Split(key, ".") {
		var b strings.Builder
		rs := []rune(c)
		for i, r := range rs {
			switch {
			case unicode.IsUpper(r):
				// A break before the last capital of an initialism that a
				// word follows (HTTPServer), but not before a plural s
				// (seriesIDs, chunkURLs, userIDsCount).
				wordAfter := i+1 < len(rs) && unicode.IsLower(rs[i+1]) && !pluralS(rs, i+1)
				if i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]) || wordAfter && unicode.IsUpper(rs[i-1])) {
					b.WriteByte('_')
				}
				b.WriteRune(unicode.ToLower(r))
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			default:
				b.WriteByte('_')
			}
		}
		s := strings.Trim(b.String(), "_")
		for strings.Contains(s, "__") {
			s = strings.ReplaceAll(s, "__", "_")
		}
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ".")
}

// pluralS reports whether rs[i] is an s that ends a word (IDs, URLsCount).
func pluralS(rs []rune, i int) bool {
	return rs[i] == 's' && (i+1 == len(rs) || !unicode.IsLower(rs[i+1]))
}

// prefixAdvice checks -key-prefix: keys the project defines start with
// one of its namespaces; known semantic-convention keys are exempt.
func (c *Config) prefixAdvice(key string) string {
	if len(c.KeyPrefixes) == 0 || isKnownKey(key) {
		return ""
	}
	var want []string
	for _, p := range c.KeyPrefixes {
		p = strings.TrimSuffix(p, ".")
		if key == p || strings.HasPrefix(key, p+".") {
			return ""
		}
		want = append(want, strconv.Quote(p+"."))
	}
	return fmt.Sprintf("attribute key %q is outside the project's namespaces (-key-prefix): start it with %s", key, strings.Join(want, " or "))
}

// forbiddenAdvice checks -forbidden-keys: keys the project must not emit.
func (c *Config) forbiddenAdvice(key string) string {
	if slices.Contains(c.ForbiddenKeys, key) {
		return fmt.Sprintf("attribute key %q is forbidden (-forbidden-keys): do not emit it", key)
	}
	return ""
}

// eventStyleAdvice checks -event-style: "snake" names events like keys
// (journey.queued), "upper" keeps lowercase namespaces and writes the last
// component in UPPER_SNAKE_CASE (journey.QUEUED).
func (c *Config) eventStyleAdvice(name string) string {
	if c.EventStyle == "" {
		return ""
	}
	if _, ok := semconvtab.LookupEvent(name); ok {
		return ""
	}
	parts := strings.Split(name, ".")
	last := len(parts) - 1
	ok := true
	for i, p := range parts {
		if c.EventStyle == "upper" && i == last {
			ok = ok && snakeCase(p, true)
		} else {
			ok = ok && snakeCase(p, false)
		}
	}
	if ok {
		return ""
	}
	want := normalizeKey(name)
	how := "lowercase snake_case components separated by dots"
	if c.EventStyle == "upper" {
		if i := strings.LastIndexByte(want, '.'); i >= 0 {
			want = want[:i+1] + strings.ToUpper(want[i+1:])
		} else {
			want = strings.ToUpper(want)
		}
		how = "lowercase namespaces and the last component in UPPER_SNAKE_CASE"
	}
	return fmt.Sprintf("event name %q breaks -event-style=%s: use %s, e.g. %q", name, c.EventStyle, how, want)
}

// A key that is not a known key may be a near miss of one: the project's
// candidate constants (poolOf) are searched first, then the semantic
// conventions' keys. internal/nearmiss finds the nearest.

// constRef is the constant holding a pool entry's value, shown in the
// message: qualified by pkg unless it is the analysed package's own, or
// empty when no constant holds it.
type constRef struct{ pkg, name string }

type (
	pool      = nearmiss.Pool[constRef]
	poolEntry = nearmiss.Entry[constRef]
)

// semconvPool is the semantic conventions' keys, with their Go constants;
// built once per process and shared by the passes.
var semconvPool = sync.OnceValue(func() *pool {
	var entries []poolEntry
	seen := map[string]bool{}
	add := func(v string) {
		if !seen[v] {
			seen[v] = true
			e := poolEntry{Value: v}
			if n, ok := semconvtab.KeyConst(v); ok {
				e.Data = constRef{"semconv", n}
			}
			entries = append(entries, e)
		}
	}
	for _, a := range semconvtab.Attributes() {
		add(a.Key)
	}
	semconvtab.KeyConstValues(func(v string) bool { add(v); return true })
	return nearmiss.NewPool(entries)
})

func typoMessage(key string, e poolEntry) string {
	if e.Data.name != "" {
		name := e.Data.name
		if e.Data.pkg != "" {
			name = e.Data.pkg + "." + name
		}
		return fmt.Sprintf("attribute key %q is not a known key: did you mean %q (%s)?", key, e.Value, name)
	}
	return fmt.Sprintf("attribute key %q is not a known key: did you mean %q?", key, e.Value)
}
