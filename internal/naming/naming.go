// Package naming holds OpenTelemetry's naming rules for telemetry names,
// which attribute keys and metric names share: lowercase snake_case
// components separated by dots, and the otel namespace reserved for
// OpenTelemetry's own names.
//
// The analyzer's attribute-key checks (analyzer/naming.go) still have
// their own copy of SnakeCase and Normalize (snakeCase, normalizeKey);
// the split of analyzer/ into internal packages (issue 20) is the place
// to make them call this package, so that keys and metric names follow
// one rule. The tests here repeat the analyzer's cases so that the two
// copies can be seen to agree until then.
package naming

import (
	"strings"
	"unicode"
)

// SnakeCase reports whether c is runs of [a-z0-9] (with upper, [A-Z0-9])
// joined by single underscores: `^[a-z0-9]+(_[a-z0-9]+)*$` without a
// regular expression, as it is checked for every component of every name.
func SnakeCase(c string, upper bool) bool {
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

// Follows reports whether every dot-separated component of name is
// lowercase snake_case (so name has no empty component either).
func Follows(name string) bool {
	for c := range strings.SplitSeq(name, ".") {
		if !SnakeCase(c, false) {
			return false
		}
	}
	return true
}

// InOtelNamespace reports whether name is in the otel namespace, which
// OpenTelemetry reserves for its own names.
func InOtelNamespace(name string) bool {
	return name == "otel" || strings.HasPrefix(name, "otel.")
}

// Normalize suggests a name that follows the rules: "Request.userID"
// becomes "request.user_id", "HTTPServer" "http_server".
func Normalize(name string) string {
	var parts []string
	for _, c := range strings.Split(name, ".") {
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
