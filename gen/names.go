package gen

import (
	"go/token"
	"strconv"
	"strings"
	"unicode"
)

// initialisms are written upper case in constant names, as in the
// semantic conventions (HTTPRequestMethodKey, DBSQLTableKey, GenAI...).
var initialisms = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		ACL AI API ASCII AWS CPU CSS DB DNS EOF GCP GPU GRPC GUID HTML HTTP HTTPS
		ID IO IP JSON JVM JWT LLM OS PID QPS RAM RPC SDK SLA SMTP SQL SSH SSL TCP
		TLS TTL UDP UI UID URI URL UTF8 UUID VM XML XMPP XSRF XSS YAML`) {
		initialisms[w] = true
	}
}

// constName derives a constant's name from the string it holds, in the
// style of the semantic conventions: the value's words, each capitalised
// (initialisms upper case, a letter after a digit upper case: K8S, E2E),
// then the suffix that says what it names (Key, Event, Span).
//
//	gen_ai.usage.prompt_tokens -> GenAIUsagePromptTokensKey
//	journey.QUEUED             -> JourneyQueuedEvent
//
// A value with no letter to start an exported name ("404", "", a script
// without case) gets the suffix as a prefix instead: Event404.
func constName(value, suffix string) string {
	stem, prefixed := nameStem(value)
	return composeName(stem, suffix, prefixed, 0)
}

// nameStem is the capitalised words of value; prefixed reports that they
// cannot start an exported name, so that the suffix leads.
func nameStem(value string) (stem string, prefixed bool) {
	ws := words(value)
	for i, w := range ws {
		ws[i] = capitalise(w)
	}
	stem = strings.Join(shorten(ws), "")
	return stem, stem == "" || !token.IsExported(stem)
}

// maxStem is the longest stem made of more than one word. Sentence-like
// event names ("Skipping verification hook because ...") would otherwise
// give names of a hundred characters; the constant's comment keeps the
// whole value.
const maxStem = 40

// stopWords are dropped first from a stem longer than maxStem.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("A An And Are As At Be Because By For From In Is It Its Of On Or That The This To Was Were With") {
		stopWords[w] = true
	}
}

// shorten keeps a stem of capitalised words within maxStem characters:
// it drops stop words after the first word, then keeps the leading words
// that fit (always the first).
func shorten(ws []string) []string {
	if length(ws) <= maxStem {
		return ws
	}
	kept := ws[:1]
	for _, w := range ws[1:] {
		if !stopWords[w] {
			kept = append(kept, w)
		}
	}
	n := 1
	for total := len(kept[0]); n < len(kept) && total+len(kept[n]) <= maxStem; n++ {
		total += len(kept[n])
	}
	return kept[:n]
}

func length(ws []string) int {
	n := 0
	for _, w := range ws {
		n += len(w)
	}
	return n
}

// composeName writes stem and suffix, with n (from 2) to tell apart
// values that would otherwise share the name: ABCKey, ABC2Key.
func composeName(stem, suffix string, prefixed bool, n int) string {
	num := ""
	if n > 0 {
		num = strconv.Itoa(n)
	}
	if prefixed {
		if num != "" {
			num = "_" + num
		}
		return suffix + stem + num
	}
	return stem + num + suffix
}

// words splits s at every rune that is neither a letter nor a digit, then
// each part at camel-case boundaries: "userId" -> user, Id;
// "HTTPServer" -> HTTP, Server. A part written all in capitals
// ("FIRST_TOKEN" gives FIRST, TOKEN) is one word each.
func words(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		rs := []rune(part)
		start := 0
		for i := 1; i < len(rs); i++ {
			prev, cur := rs[i-1], rs[i]
			lowerToUpper := (unicode.IsLower(prev) || unicode.IsDigit(prev) && i >= 2 && unicode.IsLower(rs[i-2])) && unicode.IsUpper(cur)
			acronymEnd := unicode.IsUpper(prev) && unicode.IsUpper(cur) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if lowerToUpper || acronymEnd {
				out = append(out, string(rs[start:i]))
				start = i
			}
		}
		out = append(out, string(rs[start:]))
	}
	return out
}

// capitalise writes one word: an initialism upper case, its plural with
// a lower-case s (IDs, URLs), anything else with its first letter, and any
// letter that follows a digit, upper case.
func capitalise(w string) string {
	up := strings.ToUpper(w)
	if initialisms[up] {
		return up
	}
	if len(up) > 2 && up[len(up)-1] == 'S' && initialisms[up[:len(up)-1]] {
		return up[:len(up)-1] + "s"
	}
	rs := []rune(strings.ToLower(w))
	for i, r := range rs {
		if i == 0 || unicode.IsDigit(rs[i-1]) {
			rs[i] = unicode.ToUpper(r)
		}
	}
	return string(rs)
}

// sanitisePackageName turns a directory's name into a package name: lower
// case letters and digits only; a major-version element (v2) defers to the
// element before it, as the go command does; a keyword, "main" (which would
// make a command) or a leading digit is made safe.
func sanitisePackageName(importPath string) string {
	elems := strings.Split(importPath, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && isMajorVersion(last) {
		last = elems[len(elems)-2]
	}
	var b strings.Builder
	for _, r := range strings.ToLower(last) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	name := b.String()
	switch {
	case name == "":
		return "telemetry"
	case unicode.IsDigit(rune(name[0])):
		return "p" + name
	case token.IsKeyword(name) || name == "main":
		return name + "pkg"
	}
	return name
}

func isMajorVersion(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	for _, r := range s[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
