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

// unit sets in's unit from its options.
func (ff *funcFinder) unit(in *Instrument) {
	var units []ast.Expr
	for i, e := range in.opts {
		units = ff.option(units, optValue{e, in.spread && i == len(in.opts)-1}, 0)
	}
	if len(units) == 0 {
		return
	}
	first, firstConst := constString(ff.info, units[0])
	for _, u := range units[1:] {
		if v, ok := constString(ff.info, u); !ok || !firstConst || v != first {
			return // two units, or one not known: none
		}
	}
	in.Unit = units[len(units)-1]
	in.UnitValue, in.UnitConst = constString(ff.info, in.Unit)
}

// option appends to units the arguments of the WithUnit options in v.
func (ff *funcFinder) option(units []ast.Expr, v optValue, depth int) []ast.Expr {
	if depth > maxDepth {
		return units
	}
	switch e := ast.Unparen(v.expr).(type) {
	case *ast.CompositeLit:
		if v.slice {
			for _, el := range e.Elts {
				units = ff.option(units, optValue{el, false}, depth+1)
			}
		}
	case *ast.CallExpr:
		if fn, ok := typeutil.Callee(ff.info, e).(*types.Func); ok && !v.slice && fn.FullName() == withUnit && len(e.Args) == 1 {
			units = append(units, e.Args[0])
		}
	case *ast.Ident:
		for _, w := range ff.valuesOf(e) {
			units = ff.option(units, w, depth+1)
		}
	}
	return units
}

// methodValue returns the selector fun stands for: fun itself, or for a
// local variable assigned once a method value (c := m.Int64Counter), that
// selector. A method expression held in a variable is not followed.
func (ff *funcFinder) methodValue(fun ast.Expr) ast.Expr {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return fun
	}
	if vs := ff.valuesOf(id); len(vs) == 1 {
		if sel, ok := ast.Unparen(vs[0].expr).(*ast.SelectorExpr); ok {
			if s := ff.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
				return sel
			}
		}
	}
	return fun
}

// valuesOf returns what the local variable id names is assigned in the
// function, or nothing if it is not followed.
func (ff *funcFinder) valuesOf(id *ast.Ident) []optValue {
	v, ok := ff.info.Uses[id].(*types.Var)
	if !ok || ff.body == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
		return nil
	}
	if ff.assigns == nil {
		ff.assigns = map[*types.Var]*assigned{}
		ff.collect()
	}
	a := ff.assigns[v]
	if a == nil || a.lost || a.plain > 1 {
		return nil
	}
	return a.values
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
