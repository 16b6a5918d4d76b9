package analyzer

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/check"
	"github.com/spanattrlint/spanattrlint/internal/rewrite"
)

// result is what the pass returns: the hard-coded strings that no
// constant names, for gen, and the packages whose constants are in use.
// The diagnostics are reported as they are built (buildFixes,
// checkValues), with their messages, written below.
func result(hardCoded []*finding, uses constUses) *Result {
	res := &Result{ConstantPackages: uses.packages()}
	unmatched := 0
	for _, f := range hardCoded {
		if !f.matched() && f.varDef == nil {
			unmatched++
		}
	}
	res.Unmatched = make([]Unmatched, 0, unmatched)
	for _, f := range hardCoded {
		// A key that a package variable defines has its name: gen makes
		// no second one.
		if !f.matched() && f.varDef == nil {
			res.Unmatched = append(res.Unmatched, Unmatched{Value: f.site.Value, Role: f.site.Role.String(), Pos: f.site.Expr.Pos()})
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
}

// Unmatched is a hard-coded key or name for which no constant exists.
type Unmatched struct {
	Value string    // the string's value
	Role  string    // "attribute key", "event name" or "span name"
	Pos   token.Pos // where it is written
}

// message says what is hard-coded and what to use instead, naming the
// constant exactly as the fix writes it in this file.
func (f *finding) message(ip *rewrite.Plan) string {
	if f.enum != nil {
		return f.enum.message(ip)
	}
	if f.varDef != nil {
		return f.varDef.message(f)
	}
	if f.dep != nil {
		instead := semconvName(f.dep.RenamedTo)
		if c := f.fixConst(); c != nil {
			instead = ip.Qualify(c.Pkg(), c.Name())
		}
		return check.DeprecationMessage(*f.dep, instead)
	}
	head := fmt.Sprintf("hard-coded %s %s", f.site.Role, strconv.Quote(f.site.Value))
	c := f.best()
	if c == nil {
		return head + ": no constant defines it"
	}
	var use string
	switch {
	case c.unavailable:
		return head + ": " + c.note
	case c.notKey:
		others := ""
		if n := len(f.cands) - 1; n > 0 {
			others = fmt.Sprintf(" (and %d other constants of the package)", n)
		}
		return fmt.Sprintf("%s: the package's constant %s has this value%s, but is not declared as a key, so no fix is offered: if it names this %s, write %s here (or type it attribute.Key)", head, c.name, others, f.site.Role, c.name)
	case c.fixable():
		use = ip.Qualify(c.obj.Pkg(), c.name)
		if newSemconv(ip.Pkg(), c.obj.Pkg()) {
			use += fmt.Sprintf(" (import %q)", c.path) // the fix adds it: say which version
		}
	case c.noImport:
		use = c.pkgName + "." + c.name + c.note
	default:
		use = fmt.Sprintf("%s.%s (import %q)", c.pkgName, c.name, c.path)
	}
	msg := head + ": use " + use
	if others := f.cands[1:]; len(others) > 0 {
		names := make([]string, 0, 3)
		shown := map[string]bool{use: true}
		for i, o := range others {
			if i == 3 {
				names = append(names, fmt.Sprintf("and %d more", len(others)-3))
				break
			}
			var name string
			switch {
			case o.obj == nil:
				name = o.pkgName + "." + o.name
			case o.obj.Pkg() == ip.Pkg():
				name = o.name
			default:
				name = ip.FileName(o.obj.Pkg()) + "." + o.name
			}
			if shown[name] { // another version of a semconv package, say
				name += " from " + o.path
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
