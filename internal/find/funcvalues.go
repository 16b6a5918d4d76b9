package find

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/site"
	"golang.org/x/tools/go/ast/inspector"
)

// A varCall is a call of a function-typed variable: f("x").
type varCall struct {
	file *ast.File
	call *ast.CallExpr
	v    *types.Var
}

// calledVar returns the variable that a call calls, if it is one of
// function type that is not a struct field.
func calledVar(info *types.Info, call *ast.CallExpr) *types.Var {
	if len(call.Args) == 0 {
		return nil
	}
	id := nameIdent(ast.Unparen(call.Fun))
	if id == nil {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return nil
	}
	if _, ok := v.Type().Underlying().(*types.Signature); !ok {
		return nil
	}
	return v
}

// funcValues finds the variables of the package that hold one of the
// functions whose argument is a key or name, and only that: declared with
// it as their value (f := span.AddEvent, var g = attribute.String) and
// never assigned again nor addressed, so every call of them is a call of
// that function. A variable assigned anything else is left alone.
func funcValues(insp *inspector.Inspector, info *types.Info, api *otelapi.API, spanNames bool) map[*types.Var]site.FuncValue {
	vals := map[*types.Var]site.FuncValue{}
	spoiled := map[*types.Var]bool{}
	define := func(id *ast.Ident, rhs ast.Expr) {
		v, ok := info.Defs[id].(*types.Var)
		if !ok || v.Exported() && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return // another package may assign an exported variable
		}
		if fv, ok := funcValueOf(info, api, spanNames, rhs); ok {
			vals[v] = fv
		}
	}
	spoil := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				spoiled[v] = true
			}
		}
	}
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)}
	insp.Preorder(filter, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
					if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] != nil {
						define(id, n.Rhs[i])
						continue
					}
				}
				spoil(lhs) // = and op=, or := redeclaring it
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					define(id, n.Values[i])
				}
			}
		case *ast.UnaryExpr, *ast.RangeStmt:
			Spoils(n, spoil)
		}
	})
	for v := range spoiled {
		delete(vals, v)
	}
	return vals
}

// funcValueOf tells whether e is a method value or method expression of
// AddEvent on a type implementing trace.Span (of Start on a trace.Tracer,
// with -span-names), or an attribute constructor used as a value.
func funcValueOf(info *types.Info, api *otelapi.API, spanNames bool, e ast.Expr) (site.FuncValue, bool) {
	e = ast.Unparen(e)
	id := nameIdent(e)
	if id == nil {
		return site.FuncValue{}, false
	}
	fn, ok := info.Uses[id].(*types.Func)
	if !ok {
		return site.FuncValue{}, false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		if api.IsCtor(fn) {
			return site.FuncValue{Role: site.Key, Arg: 0}, true
		}
		return site.FuncValue{}, false
	}
	shift := 0
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return site.FuncValue{}, false
	}
	switch s := info.Selections[sel]; {
	case s == nil:
		return site.FuncValue{}, false
	case s.Kind() == types.MethodExpr:
		shift = 1
	case s.Kind() != types.MethodVal:
		return site.FuncValue{}, false
	}
	switch fn.Name() {
	case "AddEvent":
		if api.Implements(recv.Type(), api.Span) {
			return site.FuncValue{Role: site.Event, Arg: shift}, true
		}
	case "SetEventName":
		if api.SetEventName != nil && fn.Origin() == api.SetEventName {
			return site.FuncValue{Role: site.Event, Arg: shift}, true
		}
	case "Start":
		if spanNames && api.Implements(recv.Type(), api.Tracer) {
			return site.FuncValue{Role: site.SpanName, Arg: 1 + shift}, true
		}
	}
	return site.FuncValue{}, false
}
