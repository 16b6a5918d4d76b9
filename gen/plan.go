package gen

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/pkgpath"
)

// Roles, as analyzer.Unmatched names them.
const (
	roleKey    = "attribute key"
	roleEvent  = "event name"
	roleSpan   = "span name"
	roleMetric = "metric name"
)

// A use is one hard-coded string that no constant defines.
type use struct {
	value, role string
	file        string // relative to the module root, with slashes
	line, col   int
	pkg         string // import path of the package that writes it
}

func (u use) pos() string { return fmt.Sprintf("%s:%d", u.file, u.line) }

func compareUses(a, b use) int {
	return cmp.Or(strings.Compare(a.file, b.file), cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col),
		strings.Compare(a.role, b.role), strings.Compare(a.value, b.value), strings.Compare(a.pkg, b.pkg))
}

// collectUses gathers the unmatched strings of every package, once each
// (a package and its test variant share files), leaving out those in files
// outside the module and those in packages that may not import the target.
func collectUses(results []pkgResult, mod *module, t *target, migrate bool, notes *[]string) []use {
	seen := map[use]bool{}
	var uses []use
	outside, internal, deprecated := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, r := range results {
		for _, u := range r.unmatched {
			if u.Role == roleKey && analyzer.DeprecatedKey(u.Value) {
				// The lint reports it as deprecated; a constant for it
				// would be reported in turn, and keep the old key.
				deprecated[u.Value] = true
				continue
			}
			// The file and line of the file itself, not those a //line
			// directive names (a template, perhaps outside the module).
			p := r.pkg.Fset.PositionFor(u.Pos, false)
			rel, ok := mod.rel(p.Filename)
			if !ok {
				outside[p.Filename] = true
				continue
			}
			if r.pkg.PkgPath != t.path && !pkgpath.Importable(r.pkg.PkgPath, t.path) {
				internal[r.pkg.PkgPath] = true
				continue
			}
			x := use{value: u.Value, role: u.Role, file: rel, line: p.Line, col: p.Column, pkg: r.pkg.PkgPath}
			if !seen[x] {
				seen[x] = true
				uses = append(uses, x)
			}
		}
	}
	slices.SortFunc(uses, compareUses)
	if len(outside) > 0 {
		*notes = append(*notes, fmt.Sprintf("left alone: hard-coded strings in %d files outside the main module (%s)", len(outside), firstKey(outside)))
	}
	switch {
	case len(deprecated) > 0 && migrate:
		*notes = append(*notes, fmt.Sprintf("no constant for %s that the semantic conventions deprecated (%s): -migrate-deprecated renames those with a successor (spanattrlint reports the others); run gen again for constants of the new keys", plural(len(deprecated), "attribute key"), firstKey(deprecated)))
	case len(deprecated) > 0:
		*notes = append(*notes, fmt.Sprintf("left alone: %s that the semantic conventions deprecated (%s): rename them to the current keys (spanattrlint reports each; gen -migrate-deprecated renames those with a successor), then run gen again", plural(len(deprecated), "attribute key"), firstKey(deprecated)))
	}
	if len(internal) > 0 {
		*notes = append(*notes, fmt.Sprintf("left alone: hard-coded strings in %d packages that may not import %s, an internal package (%s)", len(internal), t.path, firstKey(internal)))
	}
	return uses
}

// leaveOut drops the uses that get no constant, and notes them: keys that
// break OpenTelemetry's naming rules, since the lint would report the
// constant's declaration in turn (its name too would carry the fault:
// "dummyKey" is DummyKeyKey); and values that only _test.go files write,
// since a production package should not export names that only tests use
// (a test table's "foo" and "key1"). Their uses are left as they are.
func leaveOut(uses []use, notes *[]string) []use {
	type kindValue struct {
		key   bool
		value string
	}
	inProduction := map[kindValue]bool{}
	for _, u := range uses {
		if !strings.HasSuffix(u.file, "_test.go") {
			inProduction[kindValue{u.role == roleKey, u.value}] = true
		}
	}
	badKeys, badMetrics, testKeys, testNames := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	out := uses[:0:0]
	for _, u := range uses {
		kv := kindValue{u.role == roleKey, u.value}
		switch {
		case kv.key && analyzer.KeyBreaksNamingRules(u.value):
			badKeys[u.value] = true
		case u.role == roleMetric && analyzer.MetricNameBreaksNamingRules(u.value):
			badMetrics[u.value] = true
		case !inProduction[kv] && kv.key:
			testKeys[u.value] = true
		case !inProduction[kv]:
			testNames[u.value] = true
		default:
			out = append(out, u)
		}
	}
	if len(badKeys) > 0 {
		*notes = append(*notes, fmt.Sprintf("no constant for %s that break the OpenTelemetry naming rules (%s): the lint would report the constants too; rename them as it says, then run gen again", plural(len(badKeys), "attribute key"), quotedKeys(badKeys)))
	}
	if len(badMetrics) > 0 {
		*notes = append(*notes, fmt.Sprintf("no constant for %s that break the OpenTelemetry naming rules (%s): the lint reports them; rename them as it says, then run gen again", plural(len(badMetrics), "metric name"), quotedKeys(badMetrics)))
	}
	if n := len(testKeys) + len(testNames); n > 0 {
		var what []string
		if len(testKeys) > 0 {
			what = append(what, plural(len(testKeys), "attribute key"))
		}
		if len(testNames) > 0 {
			what = append(what, plural(len(testNames), "event or span name"))
		}
		all := map[string]bool{}
		for v := range testKeys {
			all[v] = true
		}
		for v := range testNames {
			all[v] = true
		}
		*notes = append(*notes, fmt.Sprintf("left alone: %s that only _test.go files write (%s): the constants are for production code", strings.Join(what, " and "), quotedKeys(all)))
	}
	return out
}

// quotedKeys lists up to three of the values, quoted and sorted, and how
// many more.
func quotedKeys(m map[string]bool) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var qs []string
	for i, k := range keys {
		if i == 3 {
			qs = append(qs, fmt.Sprintf("and %d more", len(keys)-3))
			break
		}
		qs = append(qs, strconv.Quote(k))
	}
	return strings.Join(qs, ", ")
}

func firstKey(m map[string]bool) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if len(keys) > 1 {
		return keys[0] + ", ..."
	}
	return keys[0]
}

// importers are the packages that will import the target to use its
// constants: every package with an unmatched string, but the target.
func importers(uses []use, t *target) []string {
	var out []string
	for _, u := range uses {
		if u.pkg != t.path && u.pkg != t.path+"_test" {
			out = append(out, u.pkg)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// A Constant is one constant that gen writes.
type Constant struct {
	Name  string
	Value string
	Key   bool     // an attribute.Key constant; otherwise an untyped string
	Roles []string // what the value names: attribute key, event name, span name, metric name
	First string   // where it is first written, "file.go:line" relative to the module root
	// Declared is where -registry declares the value ("registry/shop.yaml:12",
	// or the dependency's schema URL); "" without -registry.
	Declared string
	// Member, if not "", makes it a variable that sets the attribute key
	// Member (whose constant is KeyName) to the enum member Value, an int
	// with MemberInt (members.go).
	Member, KeyName string
	MemberInt       bool

	stem, suffix string
	prefixed     bool // the suffix leads: Event404
}

// planConstants decides the constants to write: one per value that the
// target does not hold yet (an attribute.Key constant for attribute keys,
// an untyped one for event and span names), named from the value, with
// collisions broken by a number in sorted order of values.
func planConstants(uses []use, t *target, notes *[]string) []*Constant {
	consts := newConstants(uses, t)
	// Stable order: by base name, then a well-formed key before one that
	// breaks the naming rules (block_id keeps BlockIDKey, blockID is
	// numbered), then value, then keys first.
	slices.SortFunc(consts, func(a, b *Constant) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), boolCmp(wellFormed(a.Value), wellFormed(b.Value)), strings.Compare(a.Value, b.Value), boolCmp(a.Key, b.Key))
	})
	numberCollisions(consts, t, notes)
	slices.SortFunc(consts, func(a, b *Constant) int { return strings.Compare(a.Name, b.Name) })
	return consts
}

// newConstants returns a constant, with its base name, for each value
// (of a kind: key or name) that the target does not hold yet, in the
// order of the values' first uses.
func newConstants(uses []use, t *target) []*Constant {
	type kindValue struct {
		key   bool
		value string
	}
	byKV := map[kindValue]*Constant{}
	var consts []*Constant
	for _, u := range uses { // sorted: the first use of a value is its first
		kv := kindValue{u.role == roleKey, u.value}
		if kv.key {
			if _, ok := t.forKey[u.value]; ok {
				continue
			}
		} else if _, ok := t.forName[u.value]; ok {
			continue
		}
		c := byKV[kv]
		if c == nil {
			c = &Constant{Value: u.value, Key: kv.key, First: u.pos()}
			byKV[kv] = c
			consts = append(consts, c)
		}
		if !slices.Contains(c.Roles, u.role) {
			c.Roles = append(c.Roles, u.role)
		}
	}
	for _, c := range consts {
		slices.Sort(c.Roles)
		suffix := "Key"
		switch {
		case c.Key:
		case slices.Contains(c.Roles, roleEvent):
			suffix = "Event"
		case slices.Contains(c.Roles, roleSpan):
			suffix = "Span"
		default: // a metric instrument's name only
			suffix = "Name"
		}
		c.suffix = suffix
		c.stem, c.prefixed = nameStem(c.Value)
		c.Name = composeName(c.stem, suffix, c.prefixed, 0)
	}
	return consts
}

// numberCollisions gives each constant (in order) whose name is taken,
// by the target or by a constant before it, the first number that makes
// it free and no other's base name, with a note saying why.
func numberCollisions(consts []*Constant, t *target, notes *[]string) {
	taken := map[string]bool{}
	for n := range t.declared {
		taken[n] = true
	}
	bases := map[string]int{}
	for _, c := range consts {
		bases[c.Name]++
	}
	var renamed []*Constant
	for _, c := range consts {
		if !taken[c.Name] {
			taken[c.Name] = true
			continue
		}
		renamed = append(renamed, c)
	}
	for _, c := range renamed {
		base := c.Name
		for n := 2; ; n++ {
			name := composeName(c.stem, c.suffix, c.prefixed, n)
			if !taken[name] && bases[name] == 0 {
				c.Name = name
				taken[name] = true
				break
			}
		}
		var why string
		if t.declared[base] {
			why = fmt.Sprintf("%s is already declared in %s", base, t.path)
		} else {
			var others []string
			for _, o := range consts {
				if o != c && o.Name == base {
					others = append(others, strconv.Quote(o.Value))
				}
			}
			why = fmt.Sprintf("%s also names %s", base, strings.Join(others, ", "))
		}
		*notes = append(*notes, fmt.Sprintf("name collision: %s, so %s %q is %s", why, c.roleText(), c.Value, c.Name))
	}
}

// wellFormed reports whether a value follows OpenTelemetry's naming rules
// for keys: dot-separated components of lower-case letters, digits and
// underscores.
func wellFormed(value string) bool {
	for _, c := range strings.Split(value, ".") {
		if c == "" {
			return false
		}
		for _, r := range c {
			if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '_') {
				return false
			}
		}
	}
	return true
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// roleText is what the constant names: "attribute key", "event name",
// "event and span name".
func (c *Constant) roleText() string {
	if c.Member != "" {
		return "enum member"
	}
	if c.Key {
		return roleKey
	}
	var ws []string
	for _, r := range c.Roles {
		ws = append(ws, strings.TrimSuffix(r, " name"))
	}
	return strings.Join(ws, " and ") + " name"
}
