package find

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/site"
	"golang.org/x/tools/go/ast/inspector"
)

// Wrappers inferred without configuration, and without analysis facts, so
// within the analysed package only: a function or method declared in the
// package whose string parameter reaches a key, event-name or span-name
// position unchanged (the parameter itself is the argument, and the
// function never assigns it nor takes its address), directly or through
// another such wrapper of the package, is a wrapper; the constant
// arguments of its calls are positions like any other:
//
//	func event(span trace.Span, name string) { span.AddEvent(name) }
//	event(span, "journey.QUEUED") // hard-coded event name "journey.QUEUED"
//
// Calls through a function value or method value of a wrapper and
// function literals are not followed. Wrappers declared in other packages
// come as -key-funcs entries: the user's, and those a front end that sees
// every package inferred with the same rule (analyzer/crosswrappers.go).
type wrappers struct {
	info   *types.Info
	params map[*types.Var]param // the string parameters of the package's functions
	funcs  map[*types.Func]bool // the functions that have one
	direct []flow               // parameters used as a key or name
	calls  []localCall          // calls of those functions
}

// A param is parameter idx of the package's function fn.
type param struct {
	fn  *types.Func
	idx int
}

type flow struct {
	v    *types.Var
	role site.Role
}

type localCall struct {
	file  *ast.File
	call  *ast.CallExpr
	fn    *types.Func
	shift int // 1 for a method expression's call
}

func newWrappers(files []*ast.File, info *types.Info) *wrappers {
	w := &wrappers{info: info}
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := w.info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			sig := fn.Signature()
			for i := range sig.Params().Len() {
				p := sig.Params().At(i)
				if sig.Variadic() && i == sig.Params().Len()-1 || !otelapi.IsBasicString(p.Type()) || p.Name() == "" || p.Name() == "_" {
					continue
				}
				if w.params == nil {
					w.params, w.funcs = map[*types.Var]param{}, map[*types.Func]bool{}
				}
				w.params[p] = param{fn, i}
				w.funcs[fn] = true
			}
		}
	}
	return w
}

// paramOf returns the parameter that e simply is, or nil.
func (w *wrappers) paramOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := w.info.Uses[id].(*types.Var)
	if _, ok := w.params[v]; !ok {
		return nil
	}
	return v
}

// flows notes a site whose string is a parameter of a function of the
// package, and reports whether it is one.
func (w *wrappers) flows(s *site.Site) bool {
	if w.params == nil {
		return false
	}
	v := w.paramOf(s.Expr)
	if v == nil {
		return false
	}
	w.direct = append(w.direct, flow{v, s.Role})
	return true
}

// call notes a call of a function of the package that has a string
// parameter.
func (w *wrappers) call(file *ast.File, call *ast.CallExpr) {
	if w.funcs == nil || len(call.Args) == 0 {
		return
	}
	callee := Callee(w.info, call)
	if callee == nil || !w.funcs[callee.Origin()] {
		return
	}
	w.calls = append(w.calls, localCall{file, call, callee.Origin(), MethodExprShift(w.info, call)})
}

// resolve decides the wrappers, transitively within the package, and
// yields the constant arguments of their calls as sites.
func (w *wrappers) resolve(insp *inspector.Inspector, yield func(*ast.File, *site.Site)) {
	if len(w.direct) == 0 {
		return
	}
	spoiled := w.spoiled(insp)
	wrap := map[param]site.Role{}
	for _, fl := range w.direct {
		p := w.params[fl.v]
		if _, ok := wrap[p]; !ok && !spoiled[fl.v] {
			wrap[p] = fl.role
		}
	}
	// A parameter passed on unchanged to a wrapper makes a wrapper too;
	// each round adds at least one parameter, or ends.
	for changed := true; changed; {
		changed = false
		for _, lc := range w.calls {
			for i, a := range lc.call.Args[lc.shift:] {
				r, ok := wrap[param{lc.fn, i}]
				if !ok {
					continue
				}
				if v := w.paramOf(a); v != nil && !spoiled[v] {
					if p := w.params[v]; p.fn != lc.fn || p.idx != i {
						if _, done := wrap[p]; !done {
							wrap[p] = r
							changed = true
						}
					}
				}
			}
		}
	}
	for _, lc := range w.calls {
		for i, a := range lc.call.Args[lc.shift:] {
			if r, ok := wrap[param{lc.fn, i}]; ok {
				if s := (&site.Site{Role: r, Place: site.StringArg, Expr: a}); ConstantSite(w.info, s) {
					yield(lc.file, s)
				}
			}
		}
	}
}

// spoiled finds the parameters that their function may change: assigned,
// or addressed.
func (w *wrappers) spoiled(insp *inspector.Inspector) map[*types.Var]bool {
	out := map[*types.Var]bool{}
	spoil := func(e ast.Expr) {
		if v := w.paramOf(e); v != nil {
			out[v] = true
		}
	}
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)}
	insp.Preorder(filter, func(n ast.Node) { Spoils(n, spoil) })
	return out
}

// Spoils calls spoil on what n may change: the left of an assignment (:=
// too, where it redeclares a parameter), the operand of &, the key and
// value a range assigns. The in-package and cross-package wrapper walks
// share it, so that both spoil a parameter alike.
func Spoils(n ast.Node, spoil func(ast.Expr)) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			spoil(lhs)
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			spoil(n.X)
		}
	case *ast.RangeStmt:
		if n.Tok == token.ASSIGN {
			spoil(n.Key)
			if n.Value != nil {
				spoil(n.Value)
			}
		}
	}
}
