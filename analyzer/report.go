package analyzer

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/check"
	"github.com/spanattrlint/spanattrlint/internal/index"
	"github.com/spanattrlint/spanattrlint/internal/rewrite"
	"github.com/spanattrlint/spanattrlint/internal/rules"
	"github.com/spanattrlint/spanattrlint/internal/semconv"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// result is what the pass returns: the hard-coded strings that no
// constant names, for gen, and the packages whose constants are in use.
// The diagnostics are reported as they are built (buildFixes,
// checkValues), with their messages, written below.
func result(hardCoded []*site.Finding, uses index.Uses, emitted []Emitted, undeclared []Undeclared) *Result {
	res := &Result{ConstantPackages: uses.Packages(), Emitted: emitted, Undeclared: undeclared}
	unmatched := 0
	for _, f := range hardCoded {
		if !f.Matched() && f.VarDef == nil {
			unmatched++
		}
	}
	res.Unmatched = make([]Unmatched, 0, unmatched)
	for _, f := range hardCoded {
		// A key that a package variable defines has its name: gen makes
		// no second one.
		if !f.Matched() && f.VarDef == nil {
			res.Unmatched = append(res.Unmatched, Unmatched{Value: f.Site.Value, Role: f.Site.Role.String(), Pos: f.Site.Expr.Pos()})
		}
	}
	return res
}

// Result is what the analyzer returns for a package, for tools built on it
// (spanattrlint gen): the hard-coded strings that no constant defines.
type Result struct {
	Unmatched []Unmatched
	// ConstantPackages are the import paths of the packages whose constants
	// the package already uses as keys or event names, which the analyzer
	// offers with no configuration.
	ConstantPackages []string
	// Emitted is every attribute key, event name and metric name the
	// package emits as a constant, literal or named, in source order;
	// only with Settings.WithCoverage (the command's -registry-coverage).
	Emitted []Emitted
	// Undeclared are the keys and event names, hard-coded or constant,
	// that -registry's undeclared check reports and a declaration of their
	// own would declare (not a template's own key): what gen -declare
	// adds to the registry. Nil without -registry.
	Undeclared []Undeclared
	// Members are the values that set a key the registry declares to a
	// member of its enum, as a constant, where a member variable may
	// replace the call (WithConstants, NewConstant.Member); only with
	// -registry and WithNewConstants (gen -registry -into).
	Members []Member

	// offer: the diagnostics and the strings left were more constants
	// declared (WithConstants); nil unless WithNewConstants.
	offer func([]analysis.Diagnostic, []NewConstant) ([]analysis.Diagnostic, []Unmatched)
}

// Member is a value that sets a key to a member of its enum in the
// registry.
type Member struct {
	Key, Value, ID string // the key, the value and the member's id
	IsInt          bool
	Pos            token.Pos // the call or literal a member variable replaces
}

// Emitted is a key, event name or metric name that the code emits.
type Emitted struct {
	Value string    // the string's value
	Role  string    // "attribute key", "event name" or "metric name"
	Pos   token.Pos // where it is written
}

// Undeclared is a key or event name that the registry does not declare.
type Undeclared struct {
	Value string    // the key or name
	Role  string    // "attribute key" or "event name"
	Pos   token.Pos // where it is emitted
	// Types are the registry types ("int", "string[]", ...) of the values
	// the package sets the key with, in the order first seen; none when
	// no call says (a wrapper, Map, Slice).
	Types []string
	// Near is the declared key or event name that Value is most likely a
	// typo of, as the undeclared message says it; "" if none.
	Near string
}

// Unmatched is a hard-coded key or name for which no constant exists.
type Unmatched struct {
	Value string    // the string's value
	Role  string    // "attribute key", "event name" or "span name"
	Pos   token.Pos // where it is written
}

// findingMessage says what is hard-coded and what to use instead, naming the
// constant exactly as the fix writes it in this file.
func findingMessage(f *site.Finding, ip *rewrite.Plan) string {
	if f.Enum != nil {
		return check.MemberMessage(f.Enum, ip)
	}
	if f.VarDef != nil {
		return varDefMessage(f.VarDef, f)
	}
	if f.Dep != nil {
		instead := check.SemconvName(f.Dep.RenamedTo)
		if c := f.FixConst(); c != nil {
			instead = ip.Qualify(c.Pkg(), c.Name())
		}
		return rules.DeprecationMessage(*f.Dep, instead)
	}
	head := fmt.Sprintf("hard-coded %s %s", f.Site.Role, strconv.Quote(f.Site.Value))
	c := f.Best()
	if c == nil {
		return head + ": no constant defines it"
	}
	var use string
	switch {
	case c.Unavailable:
		return head + ": " + c.Note
	case c.NotKey:
		others := ""
		if n := len(f.Cands) - 1; n > 0 {
			others = fmt.Sprintf(" (and %d other constants of the package)", n)
		}
		return fmt.Sprintf("%s: the package's constant %s has this value%s, but is not declared as a key, so no fix is offered: if it names this %s, write %s here (or type it attribute.Key)", head, c.Name, others, f.Site.Role, c.Name)
	case c.Fixable():
		use = ip.Qualify(c.Obj.Pkg(), c.Name)
		if semconv.Adds(ip.Pkg(), c.Obj.Pkg()) {
			use += fmt.Sprintf(" (import %q)", c.Path) // the fix adds it: say which version
		}
	case c.NoImport:
		use = c.PkgName + "." + c.Name + c.Note
	default:
		use = fmt.Sprintf("%s.%s (import %q)", c.PkgName, c.Name, c.Path)
	}
	msg := head + ": use " + use
	if others := f.Cands[1:]; len(others) > 0 {
		names := make([]string, 0, 3)
		shown := map[string]bool{use: true}
		for i, o := range others {
			if i == 3 {
				names = append(names, fmt.Sprintf("and %d more", len(others)-3))
				break
			}
			var name string
			switch {
			case o.Obj == nil:
				name = o.PkgName + "." + o.Name
			case o.Obj.Pkg() == ip.Pkg():
				name = o.Name
			default:
				name = ip.FileName(o.Obj.Pkg()) + "." + o.Name
			}
			if shown[name] { // another version of a semconv package, say
				name += " from " + o.Path
			}
			shown[name] = true
			names = append(names, name)
		}
		verb := "constants have"
		if len(others) == 1 {
			verb = "constant has"
		}
		msg += fmt.Sprintf(" (%d other %s this value: %s)", len(others), verb, strings.Join(names, ", "))
	}
	return msg
}
