package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/naming"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// The naming checks: OpenTelemetry's naming rules for attribute keys, and
// the project's own opt-in rules (-key-prefix, -forbidden-keys,
// -event-style). Semantic-convention keys are exempt.

// IsKnownKey reports whether key is a semantic-convention key, current or
// deprecated: such keys are exempt from naming rules and are no typos.
func IsKnownKey(key string) bool {
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

// NamingAdvice checks OpenTelemetry's attribute naming rules and returns
// what to do, or "" when key follows them.
func NamingAdvice(key string) string { return NamingRules(key, IsKnownKey(key)) }

// NamingRules is namingAdvice for a key already looked up: known keys are
// exempt.
func NamingRules(key string, known bool) string {
	if known {
		return templateAdvice(key)
	}
	if key == "otel" || strings.HasPrefix(key, "otel.") {
		return fmt.Sprintf("attribute key %q is in the otel namespace, which OpenTelemetry reserves for its own keys: use a namespace of your own", key)
	}
	const rules = "breaks the OpenTelemetry naming rules: use lowercase snake_case components separated by dots"
	for c := range strings.SplitSeq(key, ".") {
		if !naming.SnakeCase(c, false) {
			if h := headerAdvice(key); h != "" {
				return fmt.Sprintf("attribute key %q %s; %s", key, rules, h)
			}
			return fmt.Sprintf("attribute key %q %s, e.g. %q", key, rules, naming.Normalize(key))
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

// KeyPrefix checks -key-prefix (prefixes): keys the project defines start with
// one of its namespaces; known semantic-convention keys are exempt.
func KeyPrefix(prefixes []string, key string) string {
	if len(prefixes) == 0 || IsKnownKey(key) {
		return ""
	}
	var want []string
	for _, p := range prefixes {
		p = strings.TrimSuffix(p, ".")
		if key == p || strings.HasPrefix(key, p+".") {
			return ""
		}
		want = append(want, strconv.Quote(p+"."))
	}
	return fmt.Sprintf("attribute key %q is outside the project's namespaces (-key-prefix): start it with %s", key, strings.Join(want, " or "))
}

// Forbidden checks -forbidden-keys (forbidden): keys the project must not emit.
func Forbidden(forbidden []string, key string) string {
	if slices.Contains(forbidden, key) {
		return fmt.Sprintf("attribute key %q is forbidden (-forbidden-keys): do not emit it", key)
	}
	return ""
}

// EventStyle checks -event-style (style): "snake" names events like keys
// (journey.queued), "upper" keeps lowercase namespaces and writes the last
// component in UPPER_SNAKE_CASE (journey.QUEUED).
func EventStyle(style, name string) string {
	if style == "" {
		return ""
	}
	if _, ok := semconvtab.LookupEvent(name); ok {
		return ""
	}
	parts := strings.Split(name, ".")
	last := len(parts) - 1
	ok := true
	for i, p := range parts {
		if style == "upper" && i == last {
			ok = ok && naming.SnakeCase(p, true)
		} else {
			ok = ok && naming.SnakeCase(p, false)
		}
	}
	if ok {
		return ""
	}
	want := naming.Normalize(name)
	how := "lowercase snake_case components separated by dots"
	if style == "upper" {
		if i := strings.LastIndexByte(want, '.'); i >= 0 {
			want = want[:i+1] + strings.ToUpper(want[i+1:])
		} else {
			want = strings.ToUpper(want)
		}
		how = "lowercase namespaces and the last component in UPPER_SNAKE_CASE"
	}
	return fmt.Sprintf("event name %q breaks -event-style=%s: use %s, e.g. %q", name, style, how, want)
}
