package analyzer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

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
// http.request.header.<key>, current or deprecated, whose last part is the
// user's to choose (templateAdvice checks how it is written).
func underTemplate(key string) bool {
	_, _, _, ok := semconvtab.Template(key)
	return ok
}

// templateAdvice checks the part of a key under a template attribute
// that the conventions write in lowercase (a header name, a metadata
// key): http.request.header.X-Request-Id is http.request.header.x-request-id.
// Other templates take their part as it is (a label, process.environment_variable.PATH).
func templateAdvice(key string) string {
	tmpl, _, part, ok := semconvtab.Template(key)
	if !ok {
		return ""
	}
	what, lower := semconvtab.TemplateLowercase(tmpl)
	if !lower || part == strings.ToLower(part) {
		return ""
	}
	return fmt.Sprintf("attribute key %q breaks the semantic conventions' rule for %s.<key>: <key> is %s in lowercase, e.g. %q",
		key, tmpl, what, tmpl+"."+strings.ToLower(part))
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
		return templateAdvice(key)
	}
	if key == "otel" || strings.HasPrefix(key, "otel.") {
		return fmt.Sprintf("attribute key %q is in the otel namespace, which OpenTelemetry reserves for its own keys: use a namespace of your own", key)
	}
	const rules = "breaks the OpenTelemetry naming rules: use lowercase snake_case components separated by dots"
	for c := range strings.SplitSeq(key, ".") {
		if !snakeCase(c, false) {
			if h := headerAdvice(key); h != "" {
				return fmt.Sprintf("attribute key %q %s; %s", key, rules, h)
			}
			return fmt.Sprintf("attribute key %q %s, e.g. %q", key, rules, normalizeKey(key))
		}
	}
	return ""
}

// headerAdvice points a key that records a header or metadata key under a
// name of its own (http.header.X-Request-Id) to the conventions' template
// attributes, rather than suggest a snake_case name that changes the
// header's name (x_request_id); "" for any other key.
func headerAdvice(key string) string {
	parts := strings.Split(key, ".")
	for j, p := range parts[:len(parts)-1] {
		var templates, what string
		switch p {
		case "header", "headers":
			templates, what = "http.request.header.<key> or http.response.header.<key>", "the header name"
		case "metadata":
			templates, what = "rpc.request.metadata.<key> or rpc.response.metadata.<key>", "the metadata key"
		default:
			continue
		}
		name := strings.Join(parts[j+1:], ".")
		tmpl, _, _ := strings.Cut(templates, ".<key>")
		return fmt.Sprintf("the semantic conventions record it as %s, with <key> %s in lowercase, e.g. %q", templates, what, tmpl+"."+strings.ToLower(name))
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
