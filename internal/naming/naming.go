// Package naming holds OpenTelemetry's naming rules for telemetry names,
// which attribute keys and metric names share: lowercase snake_case
// components separated by dots, and the otel namespace reserved for
// OpenTelemetry's own names.
//
// The analyzer's attribute-key checks (analyzer/naming.go) and the metric
// rules (internal/metricrules) both call it, so keys and metric names
// follow one rule.
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
// becomes "request.user_id", "HTTPServer" "http_server", "OAuth2ClientID"
// "oauth2_client_id".
func Normalize(name string) string {
	var parts []string
	for _, c := range strings.Split(name, ".") {
		var b strings.Builder
		rs := []rune(c)
		for i := 0; i < len(rs); i++ {
			r := rs[i]
			if w := mixedCaseWord(rs[i:]); w != "" {
				// A word written in mixed case (OAuth, IPv4) stays whole.
				if i > 0 && (unicode.IsLetter(rs[i-1]) || unicode.IsDigit(rs[i-1])) {
					b.WriteByte('_')
				}
				b.WriteString(strings.ToLower(w))
				i += len([]rune(w)) - 1
				continue
			}
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

// mixedCaseWords are words that Go names write in mixed case and keys
// write whole: OAuth2ClientID is oauth2_client_id, IPv4Addr ipv4_addr,
// GraphQLQuery graphql_query, as the semantic conventions spell them
// (network.type "ipv4", graphql.*, db.system.name "mysql").
var mixedCaseWords = []string{
	"OAuth", "IPv4", "IPv6", "GraphQL", "gRPC", "MySQL", "PostgreSQL", "MongoDB", "DynamoDB",
	"CosmosDB", "NoSQL", "iOS", "macOS", "eBPF", "WebSocket", "JavaScript", "TypeScript",
}

// mixedCaseWord returns the mixed-case word that rs starts with, if it
// ends there (no lowercase letter follows: OAuthor is no OAuth).
func mixedCaseWord(rs []rune) string {
	for _, w := range mixedCaseWords {
		n := len(w)
		if len(rs) >= n && string(rs[:n]) == w && (len(rs) == n || !unicode.IsLower(rs[n])) {
			return w
		}
	}
	return ""
}

// pluralS reports whether rs[i] is an s that ends a word (IDs, URLsCount).
func pluralS(rs []rune, i int) bool {
	return rs[i] == 's' && (i+1 == len(rs) || !unicode.IsLower(rs[i+1]))
}
