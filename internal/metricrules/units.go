package metricrules

import (
	"fmt"
	"strings"
)

// Units: OpenTelemetry's semantic conventions write units in UCUM's
// case-sensitive form (https://ucum.org/ucum, "c/s"), and use a small part
// of it: "s", "ms", "By", "KiBy", "1", "%", "Hz", "Cel", "J", "W", products
// and quotients such as "By/s", and annotations in curly braces for counts
// of things, "{request}", "{packet}/s". The conventions say so in
// docs/general/metrics.md ("Instrument units should follow the Unified
// Code for Units of Measure"; "{packet}" and the like for counts).

// A UnitFinding says why a unit is not valid as the conventions use it.
type UnitFinding struct {
	Unit    string // as written
	Suggest string // the unit it should be, where that is clear; "" otherwise
	Reason  string // why, in a few words
}

// Message is the diagnostic: `unit "milliseconds" is not UCUM as the
// semantic conventions use it: use "ms"`.
func (f UnitFinding) Message() string {
	msg := fmt.Sprintf("unit %q is not UCUM as the semantic conventions use it (%s)", f.Unit, f.Reason)
	if f.Suggest != "" {
		msg += fmt.Sprintf(": use %q", f.Suggest)
	}
	return msg
}

// atoms are the UCUM units this check accepts, with whether they take a
// metric prefix: the SI base and derived units, information units, and
// the customary time units. B (the bel) is left out on purpose: in
// telemetry it always means bytes, which UCUM writes By.
var atoms = map[string]bool{
	// SI and derived units
	"m": true, "s": true, "g": true, "rad": true, "K": true, "C": true, "cd": true, "mol": true, "sr": true,
	"Hz": true, "N": true, "Pa": true, "J": true, "W": true, "A": true, "V": true, "F": true, "Ohm": true,
	"S": true, "Wb": true, "Cel": true, "T": true, "H": true, "lm": true, "lx": true, "Bq": true, "Gy": true,
	"Sv": true, "l": true, "L": true, "ar": true, "t": true, "eV": true, "bar": true,
	// information
	"By": true, "bit": true, "Bd": true,
	// time, not prefixable
	"min": false, "h": false, "d": false, "wk": false, "mo": false, "a": false,
	// dimensionless
	"%": false, "deg": false,
}

// prefixes are UCUM's metric and binary prefixes, longest first where
// one starts another.
var prefixes = []string{
	"da", "Ki", "Mi", "Gi", "Ti",
	"Y", "Z", "E", "P", "T", "G", "M", "k", "h", "d", "c", "m", "u", "n", "p", "f", "a", "z", "y",
}

// aliases are spellings that are not UCUM (or are UCUM for something
// else) whose intended unit is clear.
var aliases = map[string]string{
	"sec": "s", "secs": "s", "second": "s", "seconds": "s",
	"msec": "ms", "msecs": "ms", "millis": "ms", "millisecond": "ms", "milliseconds": "ms",
	"usec": "us", "usecs": "us", "micros": "us", "microsecond": "us", "microseconds": "us", "µs": "us", "μs": "us",
	"nsec": "ns", "nsecs": "ns", "nanos": "ns", "nanosecond": "ns", "nanoseconds": "ns",
	"minute": "min", "minutes": "min", "mins": "min",
	"hour": "h", "hours": "h", "hr": "h", "hrs": "h",
	"day": "d", "days": "d",
	"B": "By", "byte": "By", "bytes": "By",
	"kB": "kBy", "kilobyte": "kBy", "kilobytes": "kBy",
	"MB": "MBy", "megabyte": "MBy", "megabytes": "MBy",
	"GB": "GBy", "gigabyte": "GBy", "gigabytes": "GBy",
	"TB": "TBy", "terabyte": "TBy", "terabytes": "TBy",
	"KiB": "KiBy", "kibibyte": "KiBy", "kibibytes": "KiBy",
	"MiB": "MiBy", "mebibyte": "MiBy", "mebibytes": "MiBy",
	"GiB": "GiBy", "gibibyte": "GiBy", "gibibytes": "GiBy",
	"TiB":     "TiBy",
	"bits":    "bit",
	"percent": "%", "pct": "%", "percentage": "%",
	"ratio": "1", "fraction": "1", "unitless": "1", "dimensionless": "1",
	"hertz": "Hz", "celsius": "Cel", "joule": "J", "joules": "J", "watt": "W", "watts": "W",
}

// alias returns the unit a non-UCUM spelling stands for, matching words
// in any case ("Seconds") but abbreviations exactly (MB, not mb).
func alias(s string) (string, bool) {
	if u, ok := aliases[s]; ok {
		return u, true
	}
	if l := strings.ToLower(s); len(l) >= 3 && aliases[l] != "" {
		return aliases[l], true
	}
	return "", false
}

// CheckUnit reports whether unit is not valid UCUM as the conventions use
// it. An empty unit (none given) is valid, and so is every unit of the
// registry's metrics: TestRegistryUnitsParse fails on a registry unit
// that these rules reject, so that they are taught it rather than the
// registry's units being exempted one by one at run time.
func CheckUnit(unit string) (UnitFinding, bool) {
	if unit == "" {
		return UnitFinding{}, false
	}
	if t := strings.TrimSpace(unit); t != unit {
		f := UnitFinding{Unit: unit, Reason: "spaces"}
		if g, bad := CheckUnit(t); !bad {
			f.Suggest = t
		} else {
			f.Suggest = g.Suggest
		}
		return f, true
	}
	parts, ok := split(unit)
	if !ok {
		return UnitFinding{Unit: unit, Reason: "unbalanced braces"}, true
	}
	var f UnitFinding
	clear := true
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 || i == 0 && p == "" && len(parts) > 1 && parts[1] == "/" { // a separator, or UCUM's "/s"
			b.WriteString(p)
			continue
		}
		fixed, reason := component(p)
		if reason == "" {
			b.WriteString(p)
			continue
		}
		if f.Reason == "" {
			f.Reason = reason
		}
		if fixed == "" {
			clear = false
		}
		b.WriteString(fixed)
	}
	if f.Reason == "" {
		return UnitFinding{}, false
	}
	f.Unit = unit
	if clear {
		if _, bad := CheckUnit(b.String()); !bad {
			f.Suggest = b.String()
		}
	}
	return f, true
}

// split cuts unit into components and the separators between them (".",
// "/"), outside braces: parts[0], parts[2], ... are components. A leading
// "/" (UCUM's "/s", per second) gives an empty first component.
func split(unit string) (parts []string, ok bool) {
	start, depth := 0, 0
	for i := 0; i < len(unit); i++ {
		switch c := unit[i]; {
		case c == '{':
			if depth > 0 {
				return nil, false
			}
			depth++
		case c == '}':
			if depth == 0 {
				return nil, false
			}
			depth--
		case depth == 0 && (c == '.' || c == '/'):
			parts = append(parts, unit[start:i], unit[i:i+1])
			start = i + 1
		}
	}
	if depth != 0 {
		return nil, false
	}
	return append(parts, unit[start:]), true
}

// component checks one component of a unit and returns "" when it is
// valid, else why, and what to write instead where that is clear.
func component(c string) (fixed, reason string) {
	if c == "" {
		return "", "an empty component"
	}
	if u, ok := alias(c); ok {
		if c == "B" || len(c) == 2 && c[1] == 'B' {
			return u, "B is the bel in UCUM; bytes are By"
		}
		return u, "not a UCUM unit"
	}
	// An annotation alone names what is counted; one that holds a time or
	// information unit is that unit in disguise: {ms}.
	if ann, ok := strings.CutPrefix(c, "{"); ok && strings.HasSuffix(ann, "}") {
		ann = ann[:len(ann)-1]
		if !annotationText(ann) {
			return "", "an annotation of characters UCUM does not allow"
		}
		if u, ok := alias(ann); ok {
			return u, "an annotation holding a unit"
		}
		if a, _, ok := simpleUnit(ann); ok && (timeAtom(a) || infoAtom(a)) {
			return ann, "an annotation holding a unit"
		}
		return "", ""
	}
	// A unit may carry an annotation: By{compressed}.
	unit := c
	if i := strings.IndexByte(c, '{'); i > 0 && strings.HasSuffix(c, "}") {
		if !annotationText(c[i+1 : len(c)-1]) {
			return "", "an annotation of characters UCUM does not allow"
		}
		unit = c[:i]
	}
	if isDigits(unit) { // a factor: 1, 10
		return "", ""
	}
	if _, _, ok := simpleUnit(unit); ok {
		return "", ""
	}
	if strings.HasPrefix(unit, "[") && strings.HasSuffix(unit, "]") && len(unit) > 2 {
		return "", "" // UCUM's special units, [ppm], [in_i]: not checked further
	}
	if lowerWord(unit) {
		return "", "not a UCUM unit; counts of things are annotations such as {request}"
	}
	return "", "not a UCUM unit"
}

// simpleUnit parses an atom with an optional prefix and exponent: "ms",
// "KiBy", "m2", "s-1". It returns the atom and its prefix.
func simpleUnit(s string) (atom, prefix string, ok bool) {
	i := len(s)
	for i > 0 && '0' <= s[i-1] && s[i-1] <= '9' {
		i--
	}
	if i < len(s) && i > 0 && (s[i-1] == '-' || s[i-1] == '+') {
		i--
	}
	s = s[:i]
	if _, ok := atoms[s]; ok {
		return s, "", true
	}
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok && atoms[rest] {
			return rest, p, true
		}
	}
	return "", "", false
}

func timeAtom(a string) bool {
	switch a {
	case "s", "min", "h", "d", "wk", "mo", "a":
		return true
	}
	return false
}

func infoAtom(a string) bool { return a == "By" || a == "bit" }

// annotationText reports whether s is a UCUM annotation's text: ASCII 33
// to 126 without braces, and not empty.
func annotationText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 33 || c > 126 || c == '{' || c == '}' {
			return false
		}
	}
	return s != ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func lowerWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < 'a' || s[i] > 'z') && s[i] != '_' {
			return false
		}
	}
	return s != ""
}

// IsTimeUnit reports whether unit is one unit of time, with or without a
// prefix: "s", "ms", "min", "h". A rate such as "By/s" is not.
func IsTimeUnit(unit string) bool {
	a, _, ok := simpleUnit(unit)
	return ok && timeAtom(a) && !strings.ContainsAny(unit, "+-0123456789")
}
