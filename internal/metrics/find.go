// Package metrics finds the metric instruments a package creates and
// checks their names and units (issue 22). Find reads the syntax and type
// information of a package and returns each call of an instrument
// constructor of go.opentelemetry.io/otel/metric.Meter with its name and
// unit; Check applies the rules of internal/metricrules and the semantic
// conventions' tables (internal/semconvtab) to them, and HardCoded names
// the constants that hold a literal name, each returning diagnostics.
// None reports anything itself or keeps state between packages: the
// analyzer passes the package in and reports what comes out.
package metrics

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/metricrules"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
)

// Path is the import path of the metric API.
const Path = otelapi.MetricPath

// withUnit is the types.Func full name of the unit option.
const withUnit = Path + ".WithUnit"

// An Instrument is one call of an instrument constructor.
type Instrument struct {
	File *ast.File
	Call *ast.CallExpr
	Ctor string           // the Meter method called: "Int64Counter"
	Kind metricrules.Kind // what it makes

	Name      ast.Expr // the name argument
	NameValue string   // its value, if NameConst
	NameConst bool     // the name is a compile-time constant string

	Unit      ast.Expr // the argument of the metric.WithUnit option found, nil if none
	UnitValue string   // its value, if UnitConst
	UnitConst bool     // the unit is a compile-time constant string

	unitFollowed bool // every option was followed: a nil Unit means none was given
	unitDone     bool // the unit is the wrapper's, not the call's options'

	opts   []ast.Expr    // the option arguments
	spread bool          // the last of them is a slice passed with ...
	decl   *ast.FuncDecl // the function declaration the call is in, nil at package level
	ff     *funcFinder   // its variables
}

// Find returns the instrument constructor calls of files, recognised by
// type: a call of a Meter method (an interface value, or a struct
// embedding one), of a method of the same name on any type that
// implements Meter (the SDK's meter, noop.Meter, a wrapper), method
// expressions of either (metric.Meter.Int64Counter(m, "x")), method values
// held in a local variable, and calls of the package's wrapper functions
// (wrappers.go). metricPkg is the go.opentelemetry.io/otel/metric package
// the package reaches; nil finds nothing.
func Find(files []*ast.File, info *types.Info, metricPkg *types.Package) []Instrument {
	meter := meterInterface(metricPkg)
	if meter == nil || !selectsCtor(info) {
		return nil
	}
	var out []Instrument
	eachDecl(files, info, func(f *ast.File, fd *ast.FuncDecl, ff *funcFinder, call *ast.CallExpr) {
		if in, ok := instrumentCall(info, meter, call, ff.methodValue(call.Fun)); ok {
			in.File, in.decl, in.ff = f, fd, ff
			ff.unit(&in)
			out = append(out, in)
		}
	})
	if ws := wrappersOf(out, info); len(ws) > 0 {
		eachDecl(files, info, func(f *ast.File, _ *ast.FuncDecl, ff *funcFinder, call *ast.CallExpr) {
			if in, ok := ws.call(info, call); ok {
				in.File = f
				ff.unit(&in)
				out = append(out, in)
			}
		})
	}
	return out
}

// selectsCtor reports whether the package selects a method named as an
// instrument constructor: every instrument call does (instrumentCall),
// and a look at the selections costs less than a walk of the files,
// which most packages that reach the metric API (through the SDK, a
// library's options) would make for nothing.
func selectsCtor(info *types.Info) bool {
	for _, sel := range info.Selections {
		if ctorNames[sel.Obj().Name()] {
			return true
		}
	}
	return false
}

// eachDecl calls visit for every call of files, with the function
// declaration it is in (nil at package level) and a funcFinder for it:
// options are followed within one declaration, closures included.
func eachDecl(files []*ast.File, info *types.Info, visit func(*ast.File, *ast.FuncDecl, *funcFinder, *ast.CallExpr)) {
	for _, f := range files {
		for _, d := range f.Decls {
			ff := &funcFinder{info: info}
			fd, _ := d.(*ast.FuncDecl)
			if fd != nil {
				ff.body = fd.Body
			}
			ast.Inspect(d, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					visit(f, fd, ff, call)
				}
				return true
			})
		}
	}
}

// meterInterface returns the Meter interface of the metric package.
func meterInterface(pkg *types.Package) *types.Interface {
	if pkg == nil || pkg.Path() != Path {
		return nil
	}
	obj, _ := pkg.Scope().Lookup("Meter").(*types.TypeName)
	if obj == nil {
		return nil
	}
	iface, _ := obj.Type().Underlying().(*types.Interface)
	return iface
}

// ctorNames are the method names of the instrument constructors, which a
// call must have before its types are looked at.
var ctorNames = func() map[string]bool {
	out := map[string]bool{}
	for _, full := range metricrules.ConstructorNames() {
		out[full[strings.LastIndexByte(full, '.')+1:]] = true
	}
	return out
}()

// instrumentCall recognises a constructor call and reads its name. fun
// is the selector the call is made through: call.Fun, or for a call of a
// method value held in a variable, the selector the variable was given.
func instrumentCall(info *types.Info, meter *types.Interface, call *ast.CallExpr, fun ast.Expr) (Instrument, bool) {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok || !ctorNames[sel.Sel.Name] {
		return Instrument{}, false
	}
	selection := info.Selections[sel]
	if selection == nil {
		return Instrument{}, false // a package-qualified function
	}
	fn, ok := selection.Obj().(*types.Func)
	if !ok {
		return Instrument{}, false
	}
	args := call.Args
	if selection.Kind() == types.MethodExpr && fun == call.Fun {
		if len(args) == 0 {
			return Instrument{}, false
		}
		args = args[1:]
	}
	kind, ok := metricrules.ConstructorKind(fn.FullName())
	if !ok {
		kind, ok = metricrules.ConstructorKind("(" + Path + ".Meter)." + fn.Name())
		if !ok || !implements(selection.Recv(), meter) {
			return Instrument{}, false
		}
	}
	if len(args) == 0 {
		return Instrument{}, false
	}
	in := Instrument{Call: call, Ctor: fn.Name(), Kind: kind, Name: args[0], opts: args[1:], spread: call.Ellipsis.IsValid()}
	in.NameValue, in.NameConst = constString(info, args[0])
	return in, true
}

// implements reports whether t, or a pointer to it, implements Meter.
func implements(t types.Type, meter *types.Interface) bool {
	if types.Implements(t, meter) {
		return true
	}
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		return types.Implements(types.NewPointer(t), meter)
	}
	return false
}

// constString returns the value of a constant string expression.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// hardCoded reports whether e is written with at least one string literal
// ("x", "a"+"b", Prefix+".b"), not simply as a named constant.
func hardCoded(e ast.Expr) bool {
	lit := false
	ast.Inspect(e, func(n ast.Node) bool {
		if b, ok := n.(*ast.BasicLit); ok && b.Kind == token.STRING {
			lit = true
		}
		return !lit
	})
	return lit
}
