package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// What a string names, for the message and for which constants may replace it.
type role int

const (
	roleKey      role = iota // an attribute key
	roleEvent                // a span event name
	roleSpanName             // a span name (with -span-names)
)

func (r role) String() string {
	switch r {
	case roleEvent:
		return "event name"
	case roleSpanName:
		return "span name"
	}
	return "attribute key"
}

// Where the string stands, which decides the shape of the fix.
type place int

const (
	placeCtorArg   place = iota // attribute.String("k", v): key argument of a constructor
	placeKeyConv                // attribute.Key("k")
	placeKeyField               // attribute.KeyValue{Key: "k"}
	placeStringArg              // span.AddEvent("e"), tracer.Start(ctx, "s")
	placeConstUse               // semconv.HTTPMethodKey: a use of a deprecated constant
)

// A site is a key, event name or span name position in the code.
type site struct {
	role  role
	place place
	expr  ast.Expr      // the key or name expression
	call  *ast.CallExpr // the constructor call or conversion (placeCtorArg, placeKeyConv)
	ctor  *types.Func   // the constructor (placeCtorArg)
	value string        // the constant value, if expr is constant
	named *types.Const  // expr is simply this named constant (possibly converted)
}

// hardCoded reports whether the site is a constant string written with at
// least one literal: "k", "a"+"b", Prefix+".b", but not K or string(K).
func (s *site) hardCoded() bool {
	if lit, ok := s.expr.(*ast.BasicLit); ok {
		return lit.Kind == token.STRING
	}
	if s.named != nil {
		return false
	}
	lit := false
	ast.Inspect(s.expr, func(n ast.Node) bool {
		if b, ok := n.(*ast.BasicLit); ok && b.Kind == token.STRING {
			lit = true
		}
		return !lit
	})
	return lit
}

// collectSites finds the keys and names of the package. A hard-coded one
// is a finding, unless a //nolint directive or a generated file covers it;
// a named constant used as one is noted, since it makes its package a
// source of constants (inUse) or says what a local constant names
// (localUse). The const declarations are kept for checkValues.
func (st *passState) collectSites() {
	visitSites(st.pass, st.api, st.cfg.SpanNames, st.keyFuncs, st.addSite, func(f *ast.File, spec *ast.ValueSpec) {
		st.consts = append(st.consts, constSpec{f, spec})
	})
}

func (st *passState) addSite(f *ast.File, s *site) {
	if st.reg != nil {
		st.addRegistrySite(f, s) // registry.go
	}
	if s.named != nil {
		if p := s.named.Pkg(); p == st.pass.Pkg {
			st.localUse[s.named] = s.role
		} else if p != nil && s.role != roleSpanName {
			st.inUse[p.Path()] = true
		}
		return
	}
	if s.hardCoded() && !st.sup.suppressed(f, s.expr.Pos()) {
		st.hardCoded = append(st.hardCoded, &finding{site: s, file: f})
	}
}

// visitSites visits every call and composite literal of the package once
// and yields the sites whose string is a constant, and every const
// declaration line.
func visitSites(pass *analysis.Pass, api *otelAPI, spanNames bool, keyFuncs map[*types.Func][]funcValue, yield func(*ast.File, *site), yieldConst func(*ast.File, *ast.ValueSpec)) {
	insp := pass.ResultOf[inspectorAnalyzer].(*inspector.Inspector)
	info := pass.TypesInfo
	filter := []ast.Node{(*ast.File)(nil), (*ast.GenDecl)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)}
	var file *ast.File
	var constEnd token.Pos // end of the const declaration being visited
	var viaVars []varCall  // calls of variables, resolved once every assignment is seen
	wr := newWrappers(pass)
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
			s := callSite(info, api, spanNames, n)
			if s == nil && keyFuncs != nil {
				// A wrapper with more than one key or name argument: all
				// but the first here, the first as any site below.
				var more []*site
				if s, more = keyFuncSites(info, keyFuncs, n); s != nil {
					for _, m := range more {
						if constantSite(info, m) {
							yield(file, m)
						} else {
							wr.flows(m)
						}
					}
				}
			}
			if s != nil && constantSite(info, s) {
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
			if s := keyFieldSite(info, api, n); s != nil {
				if constantSite(info, s) {
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
		if !ok || fv.arg >= len(vc.call.Args) {
			continue
		}
		s := &site{role: fv.role, place: placeStringArg, expr: vc.call.Args[fv.arg]}
		if constantSite(info, s) {
			yield(vc.file, s)
		}
	}
}

// keyFuncSites returns the key (or name) arguments of a call of a
// -key-funcs function or an inferred wrapper, called as a method or
// through a method expression: the first, and any more.
func keyFuncSites(info *types.Info, keyFuncs map[*types.Func][]funcValue, call *ast.CallExpr) (*site, []*site) {
	callee := calledFunc(info, call)
	if callee == nil {
		return nil, nil
	}
	fvs := keyFuncs[callee.Origin()]
	if len(fvs) == 0 {
		return nil, nil
	}
	shift := methodExprShift(info, call)
	var first *site
	var more []*site
	for _, fv := range fvs {
		arg := fv.arg + shift
		if arg >= len(call.Args) {
			continue
		}
		s := &site{role: fv.role, place: placeStringArg, expr: call.Args[arg]}
		if first == nil {
			first = s
		} else {
			more = append(more, s)
		}
	}
	return first, more
}

// methodExprShift is 1 for a call of a method expression, (*T).M(t, x),
// whose receiver is the first argument, and 0 for any other call.
func methodExprShift(info *types.Info, call *ast.CallExpr) int {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			return 1
		}
	}
	return 0
}

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

// A funcValue is what a variable holds for certain: a method value or
// method expression of Span.AddEvent (Tracer.Start), or an attribute
// constructor; arg is the index of the key or name among the arguments
// of a call of the variable.
type funcValue struct {
	role role
	arg  int
}

// funcValues finds the variables of the package that hold one of the
// functions whose argument is a key or name, and only that: declared with
// it as their value (f := span.AddEvent, var g = attribute.String) and
// never assigned again nor addressed, so every call of them is a call of
// that function. A variable assigned anything else is left alone.
func funcValues(insp *inspector.Inspector, info *types.Info, api *otelAPI, spanNames bool) map[*types.Var]funcValue {
	vals := map[*types.Var]funcValue{}
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
			spoils(n, spoil)
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
func funcValueOf(info *types.Info, api *otelAPI, spanNames bool, e ast.Expr) (funcValue, bool) {
	e = ast.Unparen(e)
	id := nameIdent(e)
	if id == nil {
		return funcValue{}, false
	}
	fn, ok := info.Uses[id].(*types.Func)
	if !ok {
		return funcValue{}, false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		if api.isCtor(fn) {
			return funcValue{roleKey, 0}, true
		}
		return funcValue{}, false
	}
	shift := 0
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return funcValue{}, false
	}
	switch s := info.Selections[sel]; {
	case s == nil:
		return funcValue{}, false
	case s.Kind() == types.MethodExpr:
		shift = 1
	case s.Kind() != types.MethodVal:
		return funcValue{}, false
	}
	switch fn.Name() {
	case "AddEvent":
		if api.implementsIface(recv.Type(), api.span) {
			return funcValue{roleEvent, shift}, true
		}
	case "SetEventName":
		if api.setEventName != nil && fn.Origin() == api.setEventName {
			return funcValue{roleEvent, shift}, true
		}
	case "Start":
		if spanNames && api.implementsIface(recv.Type(), api.tracer) {
			return funcValue{roleSpanName, 1 + shift}, true
		}
	}
	return funcValue{}, false
}

// callSite classifies a call: an attribute constructor, a conversion to
// attribute.Key, Span.AddEvent or Tracer.Start, called as a method or
// through a method expression (trace.Span.AddEvent(span, "e")).
func callSite(info *types.Info, api *otelAPI, spanNames bool, call *ast.CallExpr) *site {
	if len(call.Args) == 0 {
		return nil
	}
	callee := calledFunc(info, call)
	if callee == nil && len(call.Args) == 1 && isKeyConversion(info, api, call) {
		return &site{role: roleKey, place: placeKeyConv, expr: call.Args[0], call: call}
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
				if len(call.Args) > shift && api.implementsIface(recv.Type(), api.span) {
					return &site{role: roleEvent, place: placeStringArg, expr: call.Args[shift]}
				}
			case "Start":
				if spanNames && len(call.Args) >= 2+shift && api.implementsIface(recv.Type(), api.tracer) {
					return &site{role: roleSpanName, place: placeStringArg, expr: call.Args[1+shift]}
				}
			case "SetEventName":
				// (*log.Record).SetEventName, and only it: log.Record is a
				// struct, so no other type's method is the same method.
				if len(call.Args) > shift && api.setEventName != nil && callee.Origin() == api.setEventName {
					return &site{role: roleEvent, place: placeStringArg, expr: call.Args[shift]}
				}
			}
			return nil
		}
		if api.isCtor(callee) {
			return &site{role: roleKey, place: placeCtorArg, expr: call.Args[0], call: call, ctor: callee}
		}
	}
	return nil
}

// calledFunc returns the function or method a call names, generic ones as
// declared (Origin), or nil: typeutil.Callee narrowed to *types.Func. Not
// typeutil.StaticCallee, which drops interface methods, and those are what
// most sites are (trace.Span.AddEvent, trace.Tracer.Start). A call of a
// variable that holds a function (g := attribute.String; g("k", v)) has no
// callee here: funcValues follows what such a variable holds.
func calledFunc(info *types.Info, call *ast.CallExpr) *types.Func {
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
func keyMethodReceiver(info *types.Info, api *otelAPI, call *ast.CallExpr) *site {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || api.key == nil {
		return nil
	}
	c := namedConst(info, sel.X)
	if c == nil || !api.isKey(c.Type()) {
		return nil
	}
	return &site{role: roleKey, expr: sel.X, named: c, value: constant.StringVal(c.Val())}
}

// isKeyConversion reports whether call is attribute.Key(x).
func isKeyConversion(info *types.Info, api *otelAPI, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsType() && len(call.Args) == 1 && api.isKey(tv.Type)
}

// isConstructor reports whether sig is func(k string, ...) kv, kv being
// attribute.KeyValue (or the old log API's log.KeyValue).
func isConstructor(kv *types.Named, sig *types.Signature) bool {
	if kv == nil || sig.Params().Len() == 0 || sig.Results().Len() != 1 {
		return false
	}
	if b, ok := sig.Params().At(0).Type().(*types.Basic); !ok || b.Kind() != types.String {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), kv)
}

// keyFieldSite finds the Key field of an attribute.KeyValue literal, keyed
// or positional. A Key written as attribute.Key("k") is left to callSite.
func keyFieldSite(info *types.Info, api *otelAPI, lit *ast.CompositeLit) *site {
	if api.keyValue == nil && api.log == nil || len(lit.Elts) == 0 {
		return nil
	}
	t := info.TypeOf(lit)
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	switch {
	case api.enabledParams != nil && types.Identical(t, api.enabledParams):
		return fieldSite(lit, api.enabledParams, "EventName", roleEvent)
	case api.logKeyValue != nil && types.Identical(t, api.logKeyValue):
		return fieldSite(lit, api.logKeyValue, "Key", roleKey)
	case api.keyValue == nil || !types.Identical(t, api.keyValue):
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
	return &site{role: roleKey, place: placeKeyField, expr: expr}
}

// fieldSite finds the string field name of a struct literal of type t,
// keyed or positional: log.EnabledParameters{EventName: "e"} and the old
// log API's log.KeyValue{Key: "k"}. The field is a plain string, so the
// fix writes what it writes for AddEvent's argument.
func fieldSite(lit *ast.CompositeLit, t *types.Named, name string, r role) *site {
	st := t.Underlying().(*types.Struct)
	idx := -1
	for i := range st.NumFields() {
		if f := st.Field(i); f.Name() == name && isBasicString(f.Type()) {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return &site{role: r, place: placeStringArg, expr: kv.Value}
			}
		} else if i == idx {
			return &site{role: r, place: placeStringArg, expr: elt}
		}
	}
	return nil
}

// constantSite fills in the site's constant value and, when the expression
// is simply a named constant (or a conversion of one), that constant.
// It reports whether the expression is a constant string.
func constantSite(info *types.Info, s *site) bool {
	if lit, ok := s.expr.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		// The common case, without a look-up in the checker's largest map.
		v, err := strconv.Unquote(lit.Value)
		s.value = v
		return err == nil
	}
	tv, ok := info.Types[s.expr]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	s.value = constant.StringVal(tv.Value)
	s.named = namedConst(info, s.expr)
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
