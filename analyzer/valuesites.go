package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// The value checks (value types, enum members, stability) look at where a
// key is set together with its value: a constructor call, a method of
// attribute.Key, or an attribute.KeyValue literal whose Value is built by
// an attribute.XValue function. Only a key that is a compile-time
// constant counts, named constants (semconv.ServerPortKey) included.

// How a value site sets its key's value.
type valueForm int

const (
	formCtor   valueForm = iota // attribute.String("k", v)
	formMethod                  // semconv.ServerPortKey.Int(p), attribute.Key("k").Int(p)
	formField                   // attribute.KeyValue{Key: "k", Value: attribute.IntValue(p)}
)

// A valueSite is a constant key set with a value.
type valueSite struct {
	file   *ast.File
	whole  ast.Expr // the call or literal: what an enum-member fix replaces
	key    string
	form   valueForm
	setter ast.Expr // what sets the value: attribute.String, KKey.String, attribute.StringValue
	class  string   // the value's registry type ("string", "int", "double[]", ...), "" if unknown (Map, Slice)
	goType string   // the Go type the setter takes, as the file's reader knows it: "int64", "[]string", "fmt.Stringer"
	value  ast.Expr // the value argument, nil if there is none (a variadic call with no arguments)
}

// setterClass maps the attribute constructors, Key methods and Value
// functions to the registry type of the value they set. Map, Slice and
// ByteSlice have none: what they hold is not known from the call.
var setterClass = map[string]string{
	"String": "string", "Stringer": "string", "StringValue": "string",
	"Int": "int", "Int64": "int", "IntValue": "int", "Int64Value": "int",
	"Float64": "double", "Float64Value": "double",
	"Bool": "boolean", "BoolValue": "boolean",
	"StringSlice": "string[]", "StringSliceValue": "string[]",
	"IntSlice": "int[]", "Int64Slice": "int[]", "IntSliceValue": "int[]", "Int64SliceValue": "int[]",
	"Float64Slice": "double[]", "Float64SliceValue": "double[]",
	"BoolSlice": "boolean[]", "BoolSliceValue": "boolean[]",
}

// valueChecksOn reports whether a value check is configured.
func (c *Config) valueChecksOn() bool {
	return !c.NoValueTypes || !c.NoEnumMembers || c.Stability != ""
}

// collectValueSites finds the package's value sites, unless every value
// check is off and there is no -registry. Sites in generated files and under //nolint are kept (a
// project key's other uses count wherever they are); reports skip them.
func (st *passState) collectValueSites() {
	api := st.api
	if !st.cfg.valueChecksOn() && st.reg == nil || api.attribute == nil || api.key == nil || api.keyValue == nil {
		return
	}
	info := st.pass.TypesInfo
	insp := st.pass.ResultOf[inspectorAnalyzer].(*inspector.Inspector)
	var file *ast.File
	insp.Preorder([]ast.Node{(*ast.File)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)}, func(n ast.Node) {
		var s valueSite
		ok := false
		switch n := n.(type) {
		case *ast.File:
			file = n
			return
		case *ast.CallExpr:
			s, ok = callValueSite(info, api, n)
		case *ast.CompositeLit:
			s, ok = fieldValueSite(info, api, n)
		}
		if ok {
			s.file = file
			st.valueSites = append(st.valueSites, s)
		}
	})
}

// constString returns the value of e if it is a constant string.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// callValueSite recognises attribute.X("k", v) and key.X(v) with key a
// constant attribute.Key.
func callValueSite(info *types.Info, api *otelAPI, call *ast.CallExpr) (valueSite, bool) {
	fn := calledFunc(info, call)
	if fn == nil || fn.Pkg() != api.attribute {
		return valueSite{}, false
	}
	sig := fn.Signature()
	if recv := sig.Recv(); recv == nil {
		if len(call.Args) == 0 || !isConstructor(api.keyValue, sig) {
			return valueSite{}, false
		}
		key, ok := constString(info, call.Args[0])
		if !ok {
			return valueSite{}, false
		}
		s := valueSite{whole: call, key: key, form: formCtor, setter: call.Fun, class: setterClass[fn.Name()], goType: paramType(sig, 1)}
		if len(call.Args) == 2 {
			s.value = call.Args[1]
		}
		return s, true
	} else if !api.isKey(recv.Type()) {
		return valueSite{}, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return valueSite{}, false
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return valueSite{}, false // a method expression: attribute.Key.String(k, v)
	}
	key, ok := constString(info, sel.X)
	if !ok || sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), api.keyValue) {
		return valueSite{}, false
	}
	s := valueSite{whole: call, key: key, form: formMethod, setter: call.Fun, class: setterClass[fn.Name()], goType: paramType(sig, 0)}
	if len(call.Args) == 1 {
		s.value = call.Args[0]
	}
	return s, true
}

// fieldValueSite recognises attribute.KeyValue{Key: k, Value: attribute.XValue(v)}
// with k constant, keyed or positional.
func fieldValueSite(info *types.Info, api *otelAPI, lit *ast.CompositeLit) (valueSite, bool) {
	if len(lit.Elts) != 2 {
		return valueSite{}, false
	}
	t := info.TypeOf(lit)
	if t == nil || !types.Identical(types.Unalias(t), api.keyValue) {
		return valueSite{}, false
	}
	var key, val ast.Expr
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				switch id.Name {
				case "Key":
					key = kv.Value
				case "Value":
					val = kv.Value
				}
			}
		} else if i == 0 {
			key = elt
		} else {
			val = elt
		}
	}
	if key == nil || val == nil {
		return valueSite{}, false
	}
	k, ok := constString(info, key)
	if !ok {
		return valueSite{}, false
	}
	call, ok := ast.Unparen(val).(*ast.CallExpr)
	if !ok {
		return valueSite{}, false
	}
	fn := calledFunc(info, call)
	if fn == nil || fn.Pkg() != api.attribute || fn.Signature().Recv() != nil {
		return valueSite{}, false
	}
	s := valueSite{whole: lit, key: k, form: formField, setter: call.Fun, class: setterClass[fn.Name()], goType: paramType(fn.Signature(), 0)}
	if len(call.Args) == 1 && !call.Ellipsis.IsValid() {
		s.value = call.Args[0]
	}
	return s, true
}

// paramType writes the type of parameter i of sig, packages by name
// (fmt.Stringer), or "" if there is none.
func paramType(sig *types.Signature, i int) string {
	if i >= sig.Params().Len() {
		return ""
	}
	return types.TypeString(sig.Params().At(i).Type(), func(p *types.Package) string { return p.Name() })
}

// checkValueSites runs the value checks, in the value-check phase.
func (vc *valueChecker) checkValueSites() {
	vc.checkValueTypes()  // valuetype.go
	vc.checkEnumMembers() // enum.go
	vc.checkStability()   // stability.go
}

// checksSemconvUses reports whether a value check looks at the package's
// uses of semconv names (members, helpers), which need no value site:
// -stability, and deprecated members.
func (st *passState) checksSemconvUses() bool {
	c := &st.cfg
	return (c.Stability != "" || !c.NoEnumMembers && !c.NoDeprecated) && st.api.attribute != nil && importsSemconv(st.pass.Pkg)
}
