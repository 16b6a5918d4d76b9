package metrics

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Units: the metric.WithUnit option among a constructor's options,
// written in the call, or in an option variable or options slice of the
// function that is assigned once (appends to the slice included). A
// variable assigned twice, whose address is taken, or a slice that comes
// from elsewhere (a parameter, a function's result) is not followed, and
// two different units found for one call are none: the check stays quiet
// where it cannot know.

// funcFinder follows option variables within one declaration.
type funcFinder struct {
	info    *types.Info
	body    *ast.BlockStmt // the function declaration's body; nil at package level
	assigns map[*types.Var]*assigned
}

// assigned is what one local variable is given in the function.
type assigned struct {
	values []optValue
	plain  int  // assignments other than appends to itself
	lost   bool // not followed: assigned from a tuple, by an operator, by range, or its address taken
}

// optValue is an expression that holds options: one option, or a slice.
type optValue struct {
	expr  ast.Expr
	slice bool
}

// maxDepth bounds how many variables a unit is followed through.
const maxDepth = 8

// unit sets in's unit from its options, and whether every option was
// followed (so that no unit found means none given).
func (ff *funcFinder) unit(in *Instrument) {
	if in.unitDone {
		return
	}
	var w unitWalk
	for i, e := range in.opts {
		ff.option(&w, optValue{e, in.spread && i == len(in.opts)-1}, 0)
	}
	in.unitFollowed = !w.lost
	if len(w.units) == 0 {
		return
	}
	first, firstConst := constString(ff.info, w.units[0])
	for _, u := range w.units[1:] {
		if v, ok := constString(ff.info, u); !ok || !firstConst || v != first {
			in.unitFollowed = false
			return // two units, or one not known: none
		}
	}
	in.Unit = w.units[len(w.units)-1]
	in.UnitValue, in.UnitConst = constString(ff.info, in.Unit)
}

// unitWalk is what option finds: the WithUnit arguments, and whether some
// option could not be followed.
type unitWalk struct {
	units []ast.Expr
	lost  bool
}

// option adds to w the arguments of the WithUnit options in v.
func (ff *funcFinder) option(w *unitWalk, v optValue, depth int) {
	if depth > maxDepth {
		w.lost = true
		return
	}
	switch e := ast.Unparen(v.expr).(type) {
	case *ast.CompositeLit:
		if !v.slice {
			w.lost = true
			return
		}
		for _, el := range e.Elts {
			ff.option(w, optValue{el, false}, depth+1)
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(ff.info, e).(*types.Func)
		switch {
		case !ok || v.slice || fn.Pkg() == nil || fn.Pkg().Path() != Path:
			w.lost = true // a helper of the user's may give a unit
		case fn.FullName() == withUnit && len(e.Args) == 1:
			w.units = append(w.units, e.Args[0])
		}
	case *ast.Ident:
		if _, isNil := ff.info.Uses[e].(*types.Nil); isNil {
			return
		}
		vs, ok := ff.valuesOf(e)
		if !ok {
			w.lost = true
		}
		for _, x := range vs {
			ff.option(w, x, depth+1)
		}
	default:
		w.lost = true
	}
}

// methodValue returns the selector fun stands for: fun itself, or for a
// local variable assigned once a method value (c := m.Int64Counter), that
// selector. A method expression held in a variable is not followed.
func (ff *funcFinder) methodValue(fun ast.Expr) ast.Expr {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return fun
	}
	if vs, _ := ff.valuesOf(id); len(vs) == 1 {
		if sel, ok := ast.Unparen(vs[0].expr).(*ast.SelectorExpr); ok {
			if s := ff.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
				return sel
			}
		}
	}
	return fun
}

// valuesOf returns what the local variable id names is assigned in the
// function, and false if it is not followed.
func (ff *funcFinder) valuesOf(id *ast.Ident) ([]optValue, bool) {
	v, ok := ff.info.Uses[id].(*types.Var)
	if !ok || ff.body == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
		return nil, false
	}
	if ff.assigns == nil {
		ff.assigns = map[*types.Var]*assigned{}
		ff.collect()
	}
	a := ff.assigns[v]
	if a == nil {
		return nil, false // a parameter, or declared outside the declaration
	}
	if a.lost || a.plain > 1 {
		return nil, false
	}
	return a.values, true
}

// of returns the record of the variable that id declares or uses, if any.
func (ff *funcFinder) of(id *ast.Ident) *assigned {
	obj := ff.info.Defs[id]
	if obj == nil {
		obj = ff.info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok {
		return nil
	}
	a := ff.assigns[v]
	if a == nil {
		a = &assigned{}
		ff.assigns[v] = a
	}
	return a
}

// collect records every assignment of a local variable in the body.
func (ff *funcFinder) collect() {
	ast.Inspect(ff.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			ff.assign(n)
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if a := ff.of(name); a != nil && len(n.Values) == len(n.Names) {
					ff.record(a, name, n.Values[i])
				} else if a != nil && len(n.Values) > 0 {
					a.lost = true
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				if a := ff.of(id); a != nil {
					a.lost = true
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok {
					if a := ff.of(id); a != nil {
						a.lost = true
					}
				}
			}
		}
		return true
	})
}

func (ff *funcFinder) assign(n *ast.AssignStmt) {
	for i, lhs := range n.Lhs {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			continue
		}
		a := ff.of(id)
		switch {
		case a == nil:
		case len(n.Lhs) != len(n.Rhs) || n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
			a.lost = true
		default:
			ff.record(a, id, n.Rhs[i])
		}
	}
}

// record notes that the variable of id is given value: appended to, when
// value is append(id, ...), else assigned.
func (ff *funcFinder) record(a *assigned, id *ast.Ident, value ast.Expr) {
	slice := false
	if obj := ff.info.ObjectOf(id); obj != nil {
		_, slice = obj.Type().Underlying().(*types.Slice)
	}
	if call, ok := ast.Unparen(value).(*ast.CallExpr); ok && slice && len(call.Args) > 0 {
		if b, ok := ff.info.Uses[identOf(call.Fun)].(*types.Builtin); ok && b.Name() == "append" {
			if first, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok && ff.info.ObjectOf(first) == ff.info.ObjectOf(id) {
				for j, arg := range call.Args[1:] {
					a.values = append(a.values, optValue{arg, call.Ellipsis.IsValid() && j == len(call.Args)-2})
				}
				return
			}
		}
	}
	a.plain++
	a.values = append(a.values, optValue{value, slice})
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	if id == nil {
		return &ast.Ident{} // Uses has no entry for it
	}
	return id
}
