package site

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// A Finding is a hard-coded site, or a deprecated key, with its ranked
// candidates: constants of the site's value, or of the new key.
type Finding struct {
	Site  *Site
	File  *ast.File
	Cands []Candidate
	Dep   *semconvtab.Deprecated // a deprecated key, to migrate to dep.RenamedTo
	NoFix bool                   // no fix: set by the phase that makes the finding, or by the semconv phase's moves
	Enum  *MemberUse             // an enum value that a semconv member variable names (the enum-member check)
	// VarDef: the key initialises a package variable, or such a variable
	// defines it and no constant does (the analyzer's vardef.go).
	VarDef *VarDefUse
}

// LookupValue is the value whose constants can replace the site.
func (f *Finding) LookupValue() string {
	if f.Dep != nil && f.Dep.RenamedTo != "" {
		return f.Dep.RenamedTo
	}
	return f.Site.Value
}

// Best is the candidate the message names and the fix uses.
func (f *Finding) Best() *Candidate {
	if len(f.Cands) == 0 {
		return nil
	}
	return &f.Cands[0]
}

// FixConst is the constant the fix writes, or nil; a migration without
// one writes the new key as a literal.
func (f *Finding) FixConst() *types.Const {
	if c := f.Best(); c != nil && c.Fixable() {
		return c.Obj
	}
	return nil
}

// WantsFix reports whether the finding gets a fix: an enum member to
// write, a migration, or a constant; none once a phase withheld it (NoFix).
func (f *Finding) WantsFix() bool {
	if f.Enum != nil {
		return !f.NoFix && f.Enum.Obj != nil
	}
	return !f.NoFix && (f.Dep != nil || f.FixConst() != nil)
}

// Matched reports whether some constant names the finding's value, one the
// module can use (for Result.Unmatched, which gen makes constants for).
func (f *Finding) Matched() bool {
	return slices.ContainsFunc(f.Cands, func(c Candidate) bool { return c.Counts() })
}

// A Candidate is a constant whose value equals a hard-coded string.
type Candidate struct {
	Obj     *types.Const // nil for a semconv table entry
	Path    string       // import path of the constant's package
	PkgName string       // its package name
	Name    string
	Source  Source
	Role    Role // for a semconv table entry: what it names
	// TestOnly: declared in a _test.go file of the analysed package, so
	// absent when the package is built without its tests.
	TestOnly bool
	// NotKey: a constant of the analysed package with the value that the
	// key rules leave out (it may name something else): named in the
	// message, never used by a fix.
	NotKey bool
	// For a semconv table entry: with noImport, Note follows the name
	// (", which needs go.opentelemetry.io/otel v1.22.0 or newer ..."); with
	// unavailable, the module's otel version has no semconv package
	// that defines the value, and Note is the whole advice.
	Note        string
	Unavailable bool
	NoImport    bool // the otel version is unknown: note says what the constant needs instead of an import
}

// Fixable reports whether a fix may write the candidate: a constant that
// the key rules keep.
func (c *Candidate) Fixable() bool { return c.Obj != nil && !c.NotKey }

// Counts reports whether the candidate is a constant the code can use as
// it is, for Result.Unmatched: a semconv constant of an otel version the
// module does not have is not one.
func (c *Candidate) Counts() bool { return !c.Unavailable }

// Where a candidate constant comes from, in order of preference.
type Source int

const (
	FromLocal      Source = iota // the analysed package itself
	FromConfigured               // a -constants package
	FromInUse                    // a package whose constants are already used as keys
	FromImportKey                // an attribute.Key constant of an imported package
	FromSemconv                  // the embedded semconv table (named, fixed only when imported)
)

// A MemberUse is an enum value that a semconv member variable names.
type MemberUse struct {
	Key, Value string
	IsInt      bool
	Obj        *types.Var // the member the fix writes; nil: none imported
	Name       string     // without obj, the member as the message names it
}

// A VarDef is a package-level variable that defines a key.
type VarDef struct {
	Var  *types.Var
	Decl *ast.GenDecl
	Why  string       // why there is no fix; "" when there is one
	As   *types.Const // with a fix: the variable as the constant it becomes, for other uses' fixes
}

// VarDefUse is how a finding relates to a varDef.
type VarDefUse struct {
	*VarDef
	Def bool // the finding is the variable's own initialiser
}
