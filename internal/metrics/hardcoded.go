package metrics

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/mod/semver"
	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// Hard-coded metric names: a name written with a literal where a constant
// of exactly the same value exists. The constants are, in this order, the
// package's own (package-level string constants), the exported ones of
// the -constants packages that the package may import (those the file
// imports first), the ...Name constants of the semconv packages the
// package imports, and for a semantic-convention metric the ...Name
// constant of the semconv version that a fix imports (the version the
// module uses: Sources.FixConst). The caller writes the fix of each
// (NameFix) in the file's plan of qualifiers and imports, with the key
// fixes of the file: the file's import name where it is visible, else a
// new import (aliased where the name is taken). A package constant that a
// local name hides is named without a fix. A semantic-convention metric
// that no such version names with a constant is named with the ...Name
// constant of the newest semconv version the module's otel ships
// (semconvtab.MetricConstFor), without a fix, or, where the module's otel
// names it only with instrument types (semconv v1.32.0 and later) or a
// semconv version the package imports defines it as a type, gets a hint
// at the type, without a fix: it is no constant.
// A literal name with no such constant is not reported: an instrument is
// created once, and its literal name is its definition. HardCoded returns
// it, as a NameFix with no Const, for a front end that declares constants
// (gen).

// Sources are where HardCoded looks for constants beyond the package
// itself and the semconv versions it imports; the functions are called
// only for a name that needs them.
type Sources struct {
	Otel       string                           // the module's go.opentelemetry.io/otel version, "" if unknown
	Configured func() []*types.Package          // the -constants packages the package may import
	FixConst   func(metric string) *types.Const // the ...Name constant of the semconv version a fix imports, or nil
}

// A NameFix is a hard-coded name and the constant of the same value that
// its fix writes (nil: no constant holds it yet); the caller qualifies the constant as the file writes it
// (rewrite.Plan, which adds the import where the file lacks it).
type NameFix struct {
	File  *ast.File
	Name  ast.Expr // the literal name
	Value string
	Const *types.Const
	NoFix bool // reported without its fix (a -migrate-deprecated rename has one)
}

// Diagnostic is the NameFix's diagnostic: ref is the constant as the fix
// writes it, note what the message adds (the import the fix adds), edits
// the fix's (nil for none).
func (n NameFix) Diagnostic(ref, note string, edits []analysis.TextEdit) analysis.Diagnostic {
	d := analysis.Diagnostic{Pos: n.Name.Pos(), End: n.Name.End(), Category: string(category.MetricName),
		Message: fmt.Sprintf("hard-coded metric name %q: use %s%s", n.Value, ref, note)}
	if edits != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: "use " + ref, TextEdits: edits}}
	}
	return d
}

// HardCoded returns the findings for the instruments of pkg (whose files
// info describes): those without a fix, and those whose fix the caller
// writes; and the literal names that no constant holds and no message
// names (unnamed, with no Const).
func HardCoded(fset *token.FileSet, ins []Instrument, pkg *types.Package, info *types.Info, src Sources) (out []Finding, fixes, unnamed []NameFix) {
	var own map[string][]*types.Const
	for _, in := range ins {
		if !in.NameConst || !hardCoded(in.Name) {
			continue
		}
		if own == nil {
			own = constantsByValue(pkg)
		}
		msg, c := nameFor(in, pkg, info, visible(fset, in, own[in.NameValue]), src)
		if c != nil {
			fixes = append(fixes, NameFix{File: in.File, Name: in.Name, Value: in.NameValue, Const: c})
			continue
		}
		if msg == "" {
			unnamed = append(unnamed, NameFix{File: in.File, Name: in.Name, Value: in.NameValue})
			continue
		}
		d := analysis.Diagnostic{Pos: in.Name.Pos(), End: in.Name.End(), Category: string(category.MetricName),
			Message: fmt.Sprintf("hard-coded metric name %q: %s", in.NameValue, msg)}
		out = append(out, Finding{in.File, d})
	}
	return out, fixes, unnamed
}

// nameFor returns the constant that a fix writes instead of the literal
// name, or else what to say without a fix.
func nameFor(in Instrument, pkg *types.Package, info *types.Info, own []*types.Const, src Sources) (msg string, fix *types.Const) {
	scope := pkg.Scope().Innermost(in.Name.Pos())
	for _, c := range own {
		if scope != nil && lookup(scope, c.Name(), in.Name.Pos()) == types.Object(c) {
			return "", c
		}
	}
	if len(own) > 0 {
		return fmt.Sprintf("the package's constant %s has this value, but a local name hides it here", own[0].Name()), nil
	}
	if c := importedConst(in, pkg, info, src); c != nil {
		return "", c
	}
	if ts := importedTypes(pkg, in.NameValue); len(ts) > 0 {
		return typeHint(in, ts), nil // the package uses a semconv version with instrument types: not an older constant
	}
	if src.Otel == "" {
		return "", nil
	}
	if src.FixConst != nil {
		if c := src.FixConst(in.NameValue); c != nil && plainString(c) {
			return "", c
		}
	}
	if c, ok := semconvtab.MetricConstFor(src.Otel, in.NameValue); ok {
		return fmt.Sprintf("use semconv.%s (import %q)", c.Const, c.Package), nil
	}
	if ts := semconvtab.MetricTypesFor(src.Otel, in.NameValue); len(ts) > 0 {
		return typeHint(in, ts), nil
	}
	return "", nil
}

// importedConst returns an exported constant with the name's value of a
// -constants package the package may import, else the ...Name constant of
// a semconv package it imports; of each, one the file imports first.
func importedConst(in Instrument, pkg *types.Package, info *types.Info, src Sources) *types.Const {
	var configured, semconvs []*types.Package
	if src.Configured != nil {
		configured = src.Configured()
	}
	for _, imp := range pkg.Imports() {
		if strings.HasPrefix(imp.Path(), semconvtab.BasePath+"/") {
			semconvs = append(semconvs, imp)
		}
	}
	for _, pkgs := range [][]*types.Package{configured, semconvs} {
		pkgs = slices.Clone(pkgs)
		slices.SortStableFunc(pkgs, func(a, b *types.Package) int { return fileImports(in, info, b) - fileImports(in, info, a) })
		for _, imp := range pkgs {
			var cs []*types.Const
			if otelapi.IsSemconv(imp.Path()) {
				if c, ok := imp.Scope().Lookup(semconvName(in.NameValue, imp)).(*types.Const); ok {
					cs = append(cs, c)
				}
			} else {
				cs = exported(imp, in.NameValue)
			}
			for _, c := range cs {
				if plainString(c) && constant.StringVal(c.Val()) == in.NameValue {
					return c
				}
			}
		}
	}
	return nil
}

// fileImports is 1 if in's file imports p, else 0.
func fileImports(in Instrument, info *types.Info, p *types.Package) int {
	for _, spec := range in.File.Imports {
		if pn := info.PkgNameOf(spec); pn != nil && pn.Imported() == p {
			return 1
		}
	}
	return 0
}

// importedTypes returns the instrument types for metric of the newest
// semconv version that pkg imports, if that version defines it so.
func importedTypes(pkg *types.Package, metric string) []semconvtab.MetricName {
	var out []semconvtab.MetricName
	newest := ""
	for _, imp := range pkg.Imports() {
		version, ok := strings.CutPrefix(imp.Path(), semconvtab.BasePath+"/")
		if !ok || strings.Contains(version, "/") || newest != "" && semver.Compare(version, newest) <= 0 {
			continue
		}
		var ts []semconvtab.MetricName
		for _, d := range semconvtab.MetricNamesIn(version, metric) {
			if d.Type != "" {
				ts = append(ts, d)
			}
		}
		if len(ts) > 0 {
			out, newest = ts, version
		}
	}
	return out
}

// typeHint names the instrument type that creates the metric, the
// Observable one for an observable instrument.
func typeHint(in Instrument, ts []semconvtab.MetricName) string {
	t := ts[0]
	for _, u := range ts {
		if u.Kind == in.Ctor {
			t = u
		}
	}
	return fmt.Sprintf("the semantic conventions' instrument %s.%s (%s.%s, import %q) creates it", lastElem(t.Package), t.Type, lastElem(t.Package), t.Constructor, t.Package)
}

// visible drops the constants declared in _test.go files unless in is in
// one: a fix of a package file must not name a constant that only the
// package's tests declare.
func visible(fset *token.FileSet, in Instrument, cs []*types.Const) []*types.Const {
	if site.InTestFile(fset, in.File.Pos()) {
		return cs
	}
	var out []*types.Const
	for _, c := range cs {
		if !site.InTestFile(fset, c.Pos()) {
			out = append(out, c)
		}
	}
	return out
}

// semconvName returns the name of the constant of imp whose value is the
// metric name, or "".
func semconvName(metric string, imp *types.Package) string {
	version := strings.TrimPrefix(imp.Path(), semconvtab.BasePath+"/")
	for _, d := range semconvtab.MetricNamesIn(version, metric) {
		if d.Const != "" && d.Package == imp.Path() {
			return d.Const
		}
	}
	return ""
}

func lookup(scope *types.Scope, name string, pos token.Pos) types.Object {
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// exported returns the exported string constants of imp whose value is v.
func exported(imp *types.Package, v string) []*types.Const {
	var out []*types.Const
	for _, name := range imp.Scope().Names() {
		if c, ok := imp.Scope().Lookup(name).(*types.Const); ok && c.Exported() && plainString(c) && constant.StringVal(c.Val()) == v {
			out = append(out, c)
		}
	}
	return out
}

// constantsByValue indexes the package-level string constants of pkg.
func constantsByValue(pkg *types.Package) map[string][]*types.Const {
	out := map[string][]*types.Const{}
	for _, name := range pkg.Scope().Names() {
		c, ok := pkg.Scope().Lookup(name).(*types.Const)
		if !ok || !plainString(c) {
			continue
		}
		v := constant.StringVal(c.Val())
		out[v] = append(out[v], c)
	}
	return out
}

// plainString reports whether c is a string constant that can stand
// where the name parameter, a string, is: untyped or of type string, not
// of a named string type.
func plainString(c *types.Const) bool {
	return c.Val().Kind() == constant.String && (c.Type() == types.Typ[types.UntypedString] || types.Identical(c.Type(), types.Typ[types.String]))
}

// lastElem is the last element of an import path.
func lastElem(path string) string {
	return path[strings.LastIndexByte(path, '/')+1:]
}
