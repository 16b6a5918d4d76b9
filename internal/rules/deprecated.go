package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// The deprecated check: a key the semantic conventions have retired, with
// the reason and the replacement, if any.

// Deprecation returns the registry's Deprecation of key. Keys without a
// namespace ("state") are left alone: a project's own "state" is not the
// retired semconv one. Nor are keys the registry marks as moved to another
// conventions repository (relocated, not retired), nor keys that the newest
// Go semconv package still defines.
func Deprecation(key string) (semconvtab.Deprecated, bool) {
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

// DeprecationMessage says why key is deprecated and what replaces it;
// instead names the replacement constant, if any.
func DeprecationMessage(d semconvtab.Deprecated, instead string) string {
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
	if note := PlainNote(d.Note); note != "" {
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

// PlainNote turns a registry note (Markdown) into one line of text.
func PlainNote(note string) string {
	note = mdLink.ReplaceAllString(note, "$1")
	note = strings.ReplaceAll(note, "`", "")
	return strings.Join(strings.Fields(note), " ")
}
