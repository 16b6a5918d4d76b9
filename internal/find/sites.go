// Package find is the first phase: it finds the sites of a package (by
// type: attribute constructors, attribute.Key conversions and
// KeyValue literals, Span.AddEvent, Tracer.Start with -span-names, log
// records, -key-funcs and the wrappers it infers) whose string is a
// constant.
package find

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/site"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Input is what Sites reads: one type-checked package, and what decides
// which calls are positions.
type Input struct {
	Files     []*ast.File
	Info      *types.Info
	Inspector *inspector.Inspector
	API       *otelapi.API
	SpanNames bool                             // Tracer.Start's name argument is a position (-span-names)
	KeyFuncs  map[*types.Func][]site.FuncValue // -key-funcs and inferred wrappers the package can call
}

// Found is a site in its file.
type Found struct {
	File *ast.File
	Site *site.Site
}

// Const is one line of a const declaration, in its file.
type Const struct {
	File *ast.File
	Spec *ast.ValueSpec
}

// Result is what Sites finds in a package, in source order.
type Result struct {
	Sites  []Found // every position whose string is a constant, literal or named
	Consts []Const // every const declaration line
}

// Sites visits every call and composite literal of the package once and
// returns the sites whose string is a constant, and every const
// declaration line.
func Sites(in Input) Result {
	var res Result
	yield := func(f *ast.File, s *site.Site) { res.Sites = append(res.Sites, Found{f, s}) }
	visitSites(in, yield, func(f *ast.File, spec *ast.ValueSpec) { res.Consts = append(res.Consts, Const{f, spec}) })
	return res
}

func visitSites(in Input, yield func(*ast.File, *site.Site), yieldConst func(*ast.File, *ast.ValueSpec)) {
	insp, info, api, spanNames, keyFuncs := in.Inspector, in.Info, in.API, in.SpanNames, in.KeyFuncs
	filter := []ast.Node{(*ast.File)(nil), (*ast.GenDecl)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)}
	var file *ast.File
	var constEnd token.Pos // end of the const declaration being visited
	var viaVars []varCall  // calls of variables, resolved once every assignment is seen
	wr := newWrappers(in.Files, info)
	insp.Preorder(filter, func(n ast.Node) {
		if f, ok := n.(*ast.File); ok {
			// Files need not be laid out in the FileSet in this order.
			file, constEnd = f, token.NoPos
			return
		}
		if n.Pos() < constEnd {
			return // a constant's own value defines a key; it is not hard-coded
		}
		switch n := n.(type) {
		case *ast.GenDecl:
			if n.Tok == token.CONST {
				constEnd = n.End()
				for _, spec := range n.Specs {
					yieldConst(file, spec.(*ast.ValueSpec))
				}
			}
		case *ast.CallExpr:
			s := CallSite(info, api, spanNames, n)
			if s == nil && keyFuncs != nil {
				// A wrapper with more than one key or name argument: all
				// but the first here, the first as any site below.
				var more []*site.Site
				if s, more = KeyFuncSites(info, keyFuncs, n); s != nil {
					for _, m := range more {
						if ConstantSite(info, m) {
							yield(file, m)
						} else {
							wr.flows(m)
						}
					}
				}
			}
			if s != nil && ConstantSite(info, s) {
				yield(file, s)
			} else if s != nil && wr.flows(s) {
				// A parameter passed on unchanged: its function is a wrapper.
			} else if s := keyMethodReceiver(info, api, n); s != nil {
				yield(file, s)
			} else if v := calledVar(info, n); v != nil {
				viaVars = append(viaVars, varCall{file, n, v})
			} else {
				wr.call(file, n)
			}
		case *ast.CompositeLit:
			if s := KeyFieldSite(info, api, n); s != nil {
				if ConstantSite(info, s) {
					yield(file, s)
				} else {
					wr.flows(s)
				}
			}
		}
	})
	wr.resolve(insp, yield)
	if len(viaVars) == 0 {
		return
	}
	vals := funcValues(insp, info, api, spanNames)
	for _, vc := range viaVars {
		fv, ok := vals[vc.v]
		if !ok || fv.Arg >= len(vc.call.Args) {
			continue
		}
		s := &site.Site{Role: fv.Role, Place: site.StringArg, Expr: vc.call.Args[fv.Arg]}
		if ConstantSite(info, s) {
			yield(vc.file, s)
		}
	}
}

// KeyFuncSites returns the key (or name) arguments of a call of a
// -key-funcs function or an inferred wrapper, called as a method or
// through a method expression: the first, and any more.
func KeyFuncSites(info *types.Info, keyFuncs map[*types.Func][]site.FuncValue, call *ast.CallExpr) (*site.Site, []*site.Site) {
	callee := Callee(info, call)
	if callee == nil {
		return nil, nil
	}
	fvs := keyFuncs[callee.Origin()]
	if len(fvs) == 0 {
		return nil, nil
	}
	shift := MethodExprShift(info, call)
	var first *site.Site
	var more []*site.Site
	for _, fv := range fvs {
		arg := fv.Arg + shift
		if arg >= len(call.Args) {
			continue
		}
		s := &site.Site{Role: fv.Role, Place: site.StringArg, Expr: call.Args[arg]}
		if first == nil {
			first = s
		} else {
			more = append(more, s)
		}
	}
	return first, more
}

// MethodExprShift is 1 for a call of a method expression, (*T).M(t, x),
// whose receiver is the first argument, and 0 for any other call.
func MethodExprShift(info *types.Info, call *ast.CallExpr) int {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			return 1
		}
	}
	return 0
}

// CallSite classifies a call: an attribute constructor, a conversion to
// attribute.Key, Span.AddEvent or Tracer.Start, called as a method or
// through a method expression (trace.Span.AddEvent(span, "e")).
func CallSite(info *types.Info, api *otelapi.API, spanNames bool, call *ast.CallExpr) *site.Site {
	if len(call.Args) == 0 {
		return nil
	}
	callee := Callee(info, call)
	if callee == nil && len(call.Args) == 1 && isKeyConversion(info, api, call) {
		return &site.Site{Role: site.Key, Place: site.KeyConv, Expr: call.Args[0], Call: call}
	}
	if callee != nil {
		sig := callee.Signature()
		if recv := sig.Recv(); recv != nil {
			shift := 0 // the receiver is the first argument of a method expression
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
					shift = 1
				}
			}
			switch callee.Name() {
			case "AddEvent":
				if len(call.Args) > shift && api.Implements(recv.Type(), api.Span) {
					return &site.Site{Role: site.Event, Place: site.StringArg, Expr: call.Args[shift]}
				}
			case "Start":
				if spanNames && len(call.Args) >= 2+shift && api.Implements(recv.Type(), api.Tracer) {
					return &site.Site{Role: site.SpanName, Place: site.StringArg, Expr: call.Args[1+shift]}
				}
			case "SetEventName":
				// (*log.Record).SetEventName, and only it: log.Record is a
				// struct, so no other type's method is the same method.
				if len(call.Args) > shift && api.SetEventName != nil && callee.Origin() == api.SetEventName {
					return &site.Site{Role: site.Event, Place: site.StringArg, Expr: call.Args[shift]}
				}
			}
			return nil
		}
		if api.IsCtor(callee) {
			return &site.Site{Role: site.Key, Place: site.CtorArg, Expr: call.Args[0], Call: call, Ctor: callee}
		}
	}
	return nil
}

// Callee returns the function or method a call names, generic ones as
// declared (Origin), or nil: typeutil.Callee narrowed to *types.Func. Not
// typeutil.StaticCallee, which drops interface methods, and those are what
// most sites are (trace.Span.AddEvent, trace.Tracer.Start). A call of a
// variable that holds a function (g := attribute.String; g("k", v)) has no
// callee here: funcValues follows what such a variable holds.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// nameIdent returns the identifier that names what e refers to: K for K,
// K for pkg.K or x.K; nil for any other expression.
func nameIdent(e ast.Expr) *ast.Ident {
	switch e := e.(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// keyMethodReceiver returns, for pkg.KKey.String(v), a site naming the
// constant KKey: using an attribute.Key constant that way uses it as a key,
// which makes its package a constants package with no configuration.
func keyMethodReceiver(info *types.Info, api *otelapi.API, call *ast.CallExpr) *site.Site {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || api.Key == nil {
		return nil
	}
	c := namedConst(info, sel.X)
	if c == nil || !api.IsKey(c.Type()) {
		return nil
	}
	return &site.Site{Role: site.Key, Expr: sel.X, Named: c, Value: constant.StringVal(c.Val())}
}

// isKeyConversion reports whether call is attribute.Key(x).
func isKeyConversion(info *types.Info, api *otelapi.API, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsType() && len(call.Args) == 1 && api.IsKey(tv.Type)
}

// KeyFieldSite finds the Key field of an attribute.KeyValue literal, keyed
// or positional. A Key written as attribute.Key("k") is left to callSite.
func KeyFieldSite(info *types.Info, api *otelapi.API, lit *ast.CompositeLit) *site.Site {
	if api.KeyValue == nil && api.Log == nil || len(lit.Elts) == 0 {
		return nil
	}
	t := info.TypeOf(lit)
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	switch {
	case api.EnabledParams != nil && types.Identical(t, api.EnabledParams):
		return fieldSite(lit, api.EnabledParams, "EventName", site.Event)
	case api.LogKeyValue != nil && types.Identical(t, api.LogKeyValue):
		return fieldSite(lit, api.LogKeyValue, "Key", site.Key)
	case api.KeyValue == nil || !types.Identical(t, api.KeyValue):
		return nil
	}
	var expr ast.Expr
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Key" {
				expr = kv.Value
			}
		} else if i == 0 {
			expr = elt
		}
	}
	if expr == nil {
		return nil
	}
	if call, ok := ast.Unparen(expr).(*ast.CallExpr); ok && isKeyConversion(info, api, call) {
		return nil
	}
	return &site.Site{Role: site.Key, Place: site.KeyField, Expr: expr}
}

// fieldSite finds the string field name of a struct literal of type t,
// keyed or positional: log.EnabledParameters{EventName: "e"} and the old
// log API's log.KeyValue{Key: "k"}. The field is a plain string, so the
// fix writes what it writes for AddEvent's argument.
func fieldSite(lit *ast.CompositeLit, t *types.Named, name string, r site.Role) *site.Site {
	st := t.Underlying().(*types.Struct)
	idx := -1
	for i := range st.NumFields() {
		if f := st.Field(i); f.Name() == name && otelapi.IsBasicString(f.Type()) {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return &site.Site{Role: r, Place: site.StringArg, Expr: kv.Value}
			}
		} else if i == idx {
			return &site.Site{Role: r, Place: site.StringArg, Expr: elt}
		}
	}
	return nil
}

// ConstantSite fills in the site's constant value and, when the expression
// is simply a named constant (or a conversion of one), that constant.
// It reports whether the expression is a constant string.
func ConstantSite(info *types.Info, s *site.Site) bool {
	if lit, ok := s.Expr.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		// The common case, without a look-up in the checker's largest map.
		v, err := strconv.Unquote(lit.Value)
		s.Value = v
		return err == nil
	}
	tv, ok := info.Types[s.Expr]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	s.Value = constant.StringVal(tv.Value)
	s.Named = namedConst(info, s.Expr)
	return true
}

// namedConst returns the constant that e simply names: K, pkg.K, (K), or a
// conversion such as string(pkg.K) or attribute.Key(K).
func namedConst(info *types.Info, e ast.Expr) *types.Const {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			break
		}
		if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
			return nil
		}
		e = call.Args[0]
	}
	id := nameIdent(e)
	if id == nil {
		return nil
	}
	c, _ := info.Uses[id].(*types.Const)
	return c
}
