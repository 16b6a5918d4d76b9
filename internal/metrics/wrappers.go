package metrics

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Wrappers: a function or method declared in the package whose string
// parameter is the name argument of a constructor call in its body,
// unchanged (or converted to string), as grpc's
// createInt64Counter(set, "grpc.server.call.started", meter, opts...). A
// call of it with a constant name is an instrument of the constructor's
// kind. If the wrapper's final variadic parameter is the constructor's
// options, passed on with ..., the options of the call are its options;
// else the unit the wrapper gives, if any. Within the package, one level deep, and
// without facts, as the analyzer's wrappers of keys.

// wrappers maps a wrapper to what it makes.
type wrappers map[*types.Func]wrapper

type wrapper struct {
	inner Instrument // the constructor call in its body
	name  int        // the index of the name parameter
	opts  int        // the index of the variadic options parameter passed on; -1 if none
}

// wrappersOf returns the wrappers that the instruments' calls make.
func wrappersOf(ins []Instrument, info *types.Info) wrappers {
	ws := wrappers{}
	for _, in := range ins {
		if in.decl == nil || in.NameConst {
			continue
		}
		fn, _ := info.Defs[in.decl.Name].(*types.Func)
		if fn == nil {
			continue
		}
		sig := fn.Type().(*types.Signature)
		name := in.ff.param(sig, stripConversion(info, in.Name))
		if name < 0 || name == sig.Params().Len()-1 && sig.Variadic() {
			continue
		}
		opts := -1
		if in.spread && len(in.opts) > 0 && sig.Variadic() {
			if i := in.ff.param(sig, in.opts[len(in.opts)-1]); i == sig.Params().Len()-1 {
				opts = i
			}
		}
		if _, dup := ws[fn]; dup {
			ws[fn] = wrapper{name: -1} // two constructors: which one is not known
			continue
		}
		ws[fn] = wrapper{inner: in, name: name, opts: opts}
	}
	return ws
}

// param returns the index of the parameter of sig that e names, if it is
// never assigned in the function, or -1.
func (ff *funcFinder) param(sig *types.Signature, e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || ff.body == nil {
		return -1
	}
	v, ok := ff.info.Uses[id].(*types.Var)
	if !ok {
		return -1
	}
	if ff.assigns == nil {
		ff.assigns = map[*types.Var]*assigned{}
		ff.collect()
	}
	if a := ff.assigns[v]; a != nil {
		return -1
	}
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == v {
			return i
		}
	}
	return -1
}

// stripConversion returns x for string(x), else e.
func stripConversion(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !info.Types[call.Fun].IsType() {
		return e
	}
	return call.Args[0]
}

// call recognises a call of a wrapper.
func (ws wrappers) call(info *types.Info, call *ast.CallExpr) (Instrument, bool) {
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		return Instrument{}, false
	}
	w, ok := ws[fn.Origin()] // a generic wrapper's instance, should the callee be one
	if !ok || w.name < 0 || w.name >= len(call.Args) {
		return Instrument{}, false
	}
	in := Instrument{Call: call, Ctor: w.inner.Ctor, Kind: w.inner.Kind, Name: call.Args[w.name]}
	in.NameValue, in.NameConst = constString(info, in.Name)
	if w.opts >= 0 && w.opts <= len(call.Args) {
		in.opts, in.spread = call.Args[w.opts:], call.Ellipsis.IsValid()
	} else {
		in.Unit, in.UnitValue, in.UnitConst, in.unitFollowed = w.inner.Unit, w.inner.UnitValue, w.inner.UnitConst, w.inner.unitFollowed // the wrapper's own
		in.unitDone = true
	}
	return in, true
}
