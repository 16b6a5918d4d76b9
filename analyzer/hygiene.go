package analyzer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// This file checks what a key says rather than where it is written:
// deprecated semantic-convention keys, near misses of known keys, and
// OpenTelemetry's naming rules, with the project's own opt-in rules.

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

// A known key that a near miss may have meant, with the constant to show
// (qualified by pkg unless it is the analysed package's own, or empty).
type poolEntry struct{ value, pkg, name string }

var semconvPool = sync.OnceValue(func() *pool {
	var entries []poolEntry
	seen := map[string]bool{}
	add := func(v string) {
		if !seen[v] {
			seen[v] = true
			e := poolEntry{value: v}
			if n, ok := semconvtab.KeyConst(v); ok {
				e.pkg, e.name = "semconv", n
			}
			entries = append(entries, e)
		}
	}
	for _, a := range semconvtab.Attributes() {
		add(a.Key)
	}
	semconvtab.KeyConstValues(func(v string) bool { add(v); return true })
	return newPool(entries)
})

// maxTypoDistance is how far a near miss may be from a known key: one
// edit from 8 bytes, two from 20, none below 8, where distinct real keys
// are one edit apart ("db.name", "db.type"). Measured on real modules:
// see the README's proving-ground table.
func maxTypoDistance(n int) int {
	switch {
	case n < 8:
		return 0
	case n < 20:
		return 1
	}
	return 2
}

// A pool is the known keys a near miss may have meant. A pool finds the
// candidates one edit away through their one-deletion variants (a
// substitution, insertion, deletion or transposition leaves the two keys a
// shared variant), so checking n keys against a pool of m costs O(n+m), not
// O(n*m). Two edits away (keys of 20 bytes or more), where osaDistance
// accepts keys that differ in one window of at most four bytes, the first
// look-ups scan the entries of about the right length, which is cheaper
// for a few keys; after windowIndexAfter of them the pool indexes its long
// entries by their window-deletion variants, so that many long keys cost
// O(n+m) too.
type pool struct {
	entries []poolEntry // a value may repeat: the first is preferred
	del     delIndex

	scans   atomic.Int32 // two-edit look-ups answered by a scan
	winOnce sync.Once
	win     delIndex // built after windowIndexAfter scans
}

const windowIndexAfter = 32

func newPool(entries []poolEntry) *pool {
	n := 0
	for _, e := range entries {
		n += len(e.value) + 1
	}
	p := &pool{entries: entries, del: newDelIndex(n)}
	for i, e := range entries {
		forDeletions(e.value, func(h uint64) { p.del.add(h, int32(i)) })
	}
	return p
}

// buildWindows indexes the entries that a two-edit look-up can reach.
func (p *pool) buildWindows() {
	n := 0
	for _, e := range p.entries {
		if len(e.value) >= minTwoEditEntry {
			n += 1 + maxWindow*len(e.value)
		}
	}
	p.win = newDelIndex(n)
	for i, e := range p.entries {
		if len(e.value) >= minTwoEditEntry {
			forWindows(e.value, maxWindow, func(h uint64) { p.win.add(h, int32(i)) })
		}
	}
}

// maxWindow is the widest difference osaDistance accepts two edits in;
// minTwoEditEntry the shortest entry two edits from a 20-byte key.
const (
	maxWindow       = 4
	minTwoEditEntry = 18
)

// forDeletions yields the hashes of s and of each distinct string made by
// deleting one byte of it that is not a digit, without building the
// strings. Keys one digit edit apart are never hints (see sameButDigits),
// and numbered keys (gpu.0.util ... gpu.99.util) would otherwise all share
// variants, making the search quadratic in them; the price is missing a
// typo that swaps a letter for a digit.
//
// The hash is a polynomial over the bytes, so the hash of s without s[i]
// is hash(s[:i])*base^(len(s)-1-i) + hash(s[i+1:]). Equal hashes only make
// an entry a candidate; the edit distance decides.
func forDeletions(s string, yield func(uint64)) { forWindows(s, 1, yield) }

// forWindows yields the hashes of s and of each distinct string made by
// deleting a window of one to maxW bytes without a digit. Two keys that
// differ in one window of at most maxW bytes (a = P+X+S, b = P+Y+S) share
// the variant P+S. Windows with a digit are left out for the reason
// forDeletions leaves digits out.
func forWindows(s string, maxW int, yield func(uint64)) {
	var buf polyBuf
	pow, suf := polyTables(s, &buf)
	yield(suf[0])
	var pre uint64 // hash(s[:i])
	for i := range len(s) {
		for w := 1; w <= maxW && i+w <= len(s); w++ {
			if '0' <= s[i+w-1] && s[i+w-1] <= '9' {
				break // so does every wider window here
			}
			// Deleting s[i-1:i-1+w] leaves the same string when s[i-1]
			// equals s[i+w-1]: that one was yielded already.
			if i == 0 || s[i-1] != s[i+w-1] {
				yield(pre*pow[len(s)-i-w] + suf[i+w])
			}
		}
		pre = pre*polyBase + uint64(s[i])
	}
}

// polyTables returns base^k for k up to len(s) and the hashes of the
// suffixes of s (suf[j] = hash(s[j:])), in buf for keys up to 64 bytes.
func polyTables(s string, buf *polyBuf) (pow, suf []uint64) {
	n := len(s) + 1
	var b []uint64
	if n <= len(buf)/2 {
		b = buf[:2*n]
	} else {
		b = make([]uint64, 2*n)
	}
	pow, suf = b[:n], b[n:]
	pow[0] = 1
	for k := 1; k < n; k++ {
		pow[k] = pow[k-1] * polyBase
	}
	suf[len(s)] = 0
	for j := len(s) - 1; j >= 0; j-- {
		suf[j] = uint64(s[j])*pow[len(s)-1-j] + suf[j+1]
	}
	return pow, suf
}

type polyBuf [2 * 65]uint64

const polyBase = 0x100000001b3

// A delIndex maps variant hashes to pool entries, several per hash: one
// flat open-addressing table of 8-byte slots, so that a look-up touches
// one place in memory and building it allocates once. A slot keeps 32 bits
// of the hash; a false match only adds a candidate for the distance to
// reject.
type delIndex struct {
	slots []delSlot // a power of two, at most three quarters full
}

type delSlot struct {
	hash  uint32
	entry int32 // the entry's index + 1; 0 is an empty slot
}

func newDelIndex(n int) delIndex {
	size := 16
	for size < n+n/3 {
		size *= 2
	}
	return delIndex{slots: make([]delSlot, size)}
}

// slot returns where h's probe starts and the 32 bits a slot keeps,
// taken from a multiplicative mix of the polynomial hash, whose low bits
// alone are poorly spread.
func (d *delIndex) slot(h uint64) (int, uint32) {
	m := h * 0x9e3779b97f4a7c15
	return int(m>>40) & (len(d.slots) - 1), uint32(m)
}

func (d *delIndex) add(h uint64, entry int32) {
	i, fp := d.slot(h)
	for d.slots[i].entry != 0 {
		i = (i + 1) & (len(d.slots) - 1)
	}
	d.slots[i] = delSlot{fp, entry + 1}
}

func (d *delIndex) lookup(h uint64, yield func(int32)) {
	i, fp := d.slot(h)
	for ; d.slots[i].entry != 0; i = (i + 1) & (len(d.slots) - 1) {
		if d.slots[i].hash == fp {
			yield(d.slots[i].entry - 1)
		}
	}
}

// candidates yields the entries that may be within max edits of key, an
// entry possibly more than once.
func (p *pool) candidates(key string, max int, yield func(int)) {
	if max == 1 {
		forDeletions(key, func(h uint64) {
			p.del.lookup(h, func(i int32) { yield(int(i)) })
		})
		return
	}
	if p.scans.Load() >= windowIndexAfter {
		p.winOnce.Do(p.buildWindows)
		forWindows(key, maxWindow, func(h uint64) {
			p.win.lookup(h, func(i int32) { yield(int(i)) })
		})
		return
	}
	p.scans.Add(1)
	for i, e := range p.entries {
		if abs(len(e.value)-len(key)) <= max {
			yield(i)
		}
	}
}

// nearMiss returns the known key closest to key within the typo distance,
// preferring the pools in order (the project's constants first), then the
// smallest distance, then the smallest value, then the first entry.
func nearMiss(key string, pools ...*pool) (poolEntry, bool) {
	max := maxTypoDistance(len(key))
	if max == 0 {
		return poolEntry{}, false
	}
	for _, p := range pools {
		best, bestD := -1, max+1
		p.candidates(key, max, func(i int) {
			e := p.entries[i]
			if e.value == key {
				return
			}
			d := osaDistance(key, e.value, max)
			if d > max || d > bestD || d == bestD && best >= 0 && (e.value > p.entries[best].value || e.value == p.entries[best].value && i > best) || sameButDigits(e.value, key) || shortLastDiffers(e.value, key) {
				return
			}
			best, bestD = i, d
		})
		if best >= 0 {
			return p.entries[best], true
		}
	}
	return poolEntry{}, false
}

// sameButDigits reports whether a and b differ only in digits, as
// numbered keys do ("gpu.0.util", "gpu.1.util"): no typo.
func sameButDigits(a, b string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && '0' <= a[i] && a[i] <= '9' {
			i++
		}
		for j < len(b) && '0' <= b[j] && b[j] <= '9' {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i] != b[j] {
			return false
		}
		i, j = i+1, j+1
	}
}

// shortLastDiffers reports whether the keys differ in a last component of
// one or two bytes, where one edit makes another word ("request.n",
// "request.id").
func shortLastDiffers(a, b string) bool {
	la, lb := a[strings.LastIndexByte(a, '.')+1:], b[strings.LastIndexByte(b, '.')+1:]
	return la != lb && (len(la) <= 2 || len(lb) <= 2)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// osaDistance is the optimal-string-alignment edit distance (insertions,
// deletions, substitutions, adjacent transpositions) of a and b, or max+1
// once it exceeds max, counting only edits in one spot: what is left after
// the common prefix and suffix must be at most 2*max bytes on each side.
// For one edit that is no restriction (a transposition touches two bytes);
// for two it accepts one slip (a doubled, dropped or swapped pair) and
// rejects two slips far apart, which in a long key are more often two
// different words than a typo.
func osaDistance(a, b string, max int) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) > 2*max || len(b) > 2*max {
		return max + 1
	}
	var buf [3 * 65]int // no allocation for keys up to 64 bytes
	var rows []int
	if n := len(b) + 1; n <= 65 {
		rows = buf[:3*n]
	} else {
		rows = make([]int, 3*n)
	}
	n := len(b) + 1
	prev2, prev, cur := rows[:n], rows[n:2*n], rows[2*n:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func typoMessage(key string, e poolEntry) string {
	if e.name != "" {
		name := e.name
		if e.pkg != "" {
			name = e.pkg + "." + name
		}
		return fmt.Sprintf("attribute key %q is not a known key: did you mean %q (%s)?", key, e.value, name)
	}
	return fmt.Sprintf("attribute key %q is not a known key: did you mean %q?", key, e.value)
}
