package metrics

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/mod/semver"
	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// Hard-coded metric names: a name written with a literal where a constant
// of exactly the same value exists. The constants are the package's own
// (package-level string constants), the exported ones of the -constants
// packages (configured) that the file imports, those of the semconv
// packages it imports (their ...Name constants), and for a semantic-convention metric
// the ...Name constant of the newest semconv version that the module's
// otel version ships (semconvtab.MetricConstFor). The fix writes the
// constant where the file can name it as it is: a constant of the package
// not shadowed at the name, or one of a package the file imports under a
// name not shadowed there. A constant of a package the file does not
// import is named without a fix. A semantic-convention metric that the
// module's otel names only with instrument types (semconv v1.32.0 and
// later), or that a semconv version the package imports defines as a
// type, gets a hint at the type, without a fix: it is no constant.
// A literal name with no such constant is not reported: an instrument is
// created once, and its literal name is its definition.

// HardCoded returns the findings for the instruments of pkg (whose files
// info describes); otel is the module's go.opentelemetry.io/otel version,
// "" if unknown (then no semconv version is assumed).
func HardCoded(fset *token.FileSet, ins []Instrument, pkg *types.Package, info *types.Info, otel string, configured func(path string) bool) []Finding {
	var out []Finding
	var own map[string][]*types.Const
	for _, in := range ins {
		if !in.NameConst || !hardCoded(in.Name) {
			continue
		}
		if own == nil {
			own = constantsByValue(pkg)
		}
		msg, fix := nameFor(in, pkg, info, visible(fset, in, own[in.NameValue]), otel, configured)
		if msg == "" {
			continue
		}
		d := analysis.Diagnostic{Pos: in.Name.Pos(), End: in.Name.End(), Category: string(category.MetricName),
			Message: fmt.Sprintf("hard-coded metric name %q: %s", in.NameValue, msg)}
		if fix != "" {
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "use " + fix,
				TextEdits: []analysis.TextEdit{{Pos: in.Name.Pos(), End: in.Name.End(), NewText: []byte(fix)}},
			}}
		}
		out = append(out, Finding{in.File, d})
	}
	return out
}

// nameFor says what to use instead of the literal name, and the text of
// the fix if the file can write it.
func nameFor(in Instrument, pkg *types.Package, info *types.Info, own []*types.Const, otel string, configured func(string) bool) (msg, fix string) {
	scope := pkg.Scope().Innermost(in.Name.Pos())
	for _, c := range own {
		if scope != nil && lookup(scope, c.Name(), in.Name.Pos()) == types.Object(c) {
			return "use " + c.Name(), c.Name()
		}
	}
	if len(own) > 0 {
		return fmt.Sprintf("the package's constant %s has this value, but a local name hides it here", own[0].Name()), ""
	}
	for _, imp := range pkg.Imports() {
		var cs []*types.Const
		switch {
		case configured != nil && configured(imp.Path()):
			cs = exported(imp, in.NameValue)
		case strings.HasPrefix(imp.Path(), semconvtab.BasePath+"/"):
			if c, ok := imp.Scope().Lookup(semconvName(in.NameValue, imp)).(*types.Const); ok {
				cs = append(cs, c)
			}
		}
		for _, c := range cs {
			if q := qualified(in, info, scope, c); q != "" {
				return "use " + q, q
			}
		}
	}
	if ts := importedTypes(pkg, in.NameValue); len(ts) > 0 {
		return typeHint(in, ts), "" // the package uses a semconv version with instrument types: not an older constant
	}
	if otel == "" {
		return "", ""
	}
	if c, ok := semconvtab.MetricConstFor(otel, in.NameValue); ok {
		return fmt.Sprintf("use semconv.%s (import %q)", c.Const, c.Package), ""
	}
	if ts := semconvtab.MetricTypesFor(otel, in.NameValue); len(ts) > 0 {
		return typeHint(in, ts), ""
	}
	return "", ""
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
	if isTest(fset, in.File.Pos()) {
		return cs
	}
	var out []*types.Const
	for _, c := range cs {
		if !isTest(fset, c.Pos()) {
			out = append(out, c)
		}
	}
	return out
}

func isTest(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
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

// qualified returns name.C for the constant c of a package that in's
// file imports under a name not shadowed at the literal, or "".
func qualified(in Instrument, info *types.Info, scope *types.Scope, c *types.Const) string {
	if v, ok := constString(info, in.Name); !ok || !plainString(c) || constant.StringVal(c.Val()) != v {
		return ""
	}
	for _, spec := range in.File.Imports {
		pn := info.PkgNameOf(spec)
		if pn == nil || pn.Imported() != c.Pkg() || pn.Name() == "." || pn.Name() == "_" {
			continue
		}
		if scope != nil && lookup(scope, pn.Name(), in.Name.Pos()) == types.Object(pn) {
			return pn.Name() + "." + c.Name()
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
