package gen

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"
)

// constantSources returns the packages of the main module (the target
// aside) whose exported constants some analysed package already uses as
// attribute keys or event names.
//
// The analyzer offers such a package's constants, without configuration,
// only to the packages that use it already. gen passes them as -constants,
// so that a value one package writes as tracing.JourneyEventType and
// another as "event.type" gets no second constant: the second package is
// pointed at tracing's. This follows the analyzer's notion of a package "in
// use" closely but not exactly: any use of an exported attribute.Key
// constant counts, and so does an untyped or string constant passed as the
// key of an attribute constructor or conversion, as the Key of a KeyValue
// literal, or as the name of an AddEvent call.
func constantSources(pkgs []*packages.Package, mod *module, t *target) []string {
	found := map[string]bool{}
	consider := func(pkg *types.Package, info *types.Info, e ast.Expr, keyOnly bool) {
		c := namedConst(info, e)
		if c == nil || c.Pkg() == nil || c.Pkg() == pkg || !c.Exported() || c.Val().Kind() != constant.String {
			return
		}
		p := c.Pkg().Path()
		if p == t.path {
			return
		}
		if _, in := within(p, mod.path); !in {
			return
		}
		if keyOnly && !isAttributeKey(c.Type()) {
			return
		}
		found[p] = true
	}
	for _, p := range pkgs {
		pkg, info := p.Types, p.TypesInfo
		if pkg == nil || info == nil {
			continue
		}
		for _, f := range p.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.Ident:
					consider(pkg, info, n, true)
				case *ast.SelectorExpr:
					consider(pkg, info, n, true)
				case *ast.CallExpr:
					if len(n.Args) == 0 {
						return true
					}
					if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
						if isAttributeKey(tv.Type) {
							consider(pkg, info, n.Args[0], false)
						}
						return true
					}
					fn, _ := typeutil.Callee(info, n).(*types.Func)
					if fn == nil || fn.Pkg() == nil {
						return true
					}
					sig := fn.Signature()
					switch {
					case sig.Recv() == nil && fn.Pkg().Path() == attributePath:
						consider(pkg, info, n.Args[0], false)
					case sig.Recv() != nil && fn.Name() == "AddEvent":
						consider(pkg, info, n.Args[0], false)
					}
				case *ast.CompositeLit:
					tv, ok := info.Types[n]
					if !ok || !isKeyValue(tv.Type) || len(n.Elts) == 0 {
						return true
					}
					for i, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok {
							if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Key" {
								consider(pkg, info, kv.Value, false)
							}
						} else if i == 0 {
							consider(pkg, info, el, false)
						}
					}
				}
				return true
			})
		}
	}
	out := make([]string, 0, len(found))
	for p := range found {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// namedConst returns the constant that e names, through parentheses and
// conversions (string(tracing.K)), or nil.
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
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil
	}
	c, _ := info.Uses[id].(*types.Const)
	return c
}

func isKeyValue(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == attributePath && n.Obj().Name() == "KeyValue"
}
