package semconv

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/category"
)

// Schema URL mismatches (category schema-url, -schema-url, on by default): a resource
// whose schema URL is one semconv version's while its attributes come from
// another's, and resource.Merge of two resources built with different
// versions' schema URLs, which fails at run time with "conflicting Schema
// URL". Recognised by type: the functions of the SDK's resource package,
// constant schema URLs (semconv.SchemaURL or any constant
// "https://opentelemetry.io/schemas/X"), and attributes that name objects
// of a semconv package. What a Merge argument was built with is followed
// only within one function, through a variable assigned once.

const (
	resourcePath   = "go.opentelemetry.io/otel/sdk/resource"
	schemaURLStart = "https://opentelemetry.io/schemas/"
)

// checkSchemaURLs reports the mismatches in the package, if it imports the
// SDK's resource package and -schema-url is on.
func (st *checker) checkSchemaURLs() {
	if st.noSchemaURL || !slices.ContainsFunc(st.pass.Pkg.Imports(), func(p *types.Package) bool { return p.Path() == resourcePath }) {
		return
	}
	for _, file := range st.pass.Files {
		for _, d := range file.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				st.checkSchemaBody(file, gd, nil) // package-level initialisers
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			var body *ast.BlockStmt
			switch n := n.(type) {
			case *ast.FuncDecl:
				body = n.Body
			case *ast.FuncLit:
				body = n.Body
			}
			if body != nil {
				st.checkSchemaBody(file, body, body)
			}
			return true
		})
	}
}

// checkSchemaBody checks the calls in n, one function body or package-level
// declaration (not those of the function literals in it, which are checked
// on their own); body is the function body whose variables a Merge
// argument is followed through, nil for none.
func (st *checker) checkSchemaBody(file *ast.File, n ast.Node, body *ast.BlockStmt) {
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		switch st.resourceFunc(call) {
		case "NewWithAttributes":
			if len(call.Args) > 0 {
				st.checkMixed(file, call.Args[0], call.Args[1:])
			}
		case "New":
			var url ast.Expr
			var attrs []ast.Expr
			for _, opt := range call.Args {
				if oc, ok := ast.Unparen(opt).(*ast.CallExpr); ok {
					switch st.resourceFunc(oc) {
					case "WithSchemaURL":
						if len(oc.Args) == 1 {
							url = oc.Args[0]
						}
					case "WithAttributes":
						attrs = append(attrs, oc.Args...)
					}
				}
			}
			if url != nil {
				st.checkMixed(file, url, attrs)
			}
		case "Merge":
			if len(call.Args) == 2 {
				st.checkMerge(file, body, call)
			}
		}
		return true
	})
}

// resourceFunc is the name of the resource package's function that call
// calls, or "".
func (st *checker) resourceFunc(call *ast.CallExpr) string {
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		id = fun.Sel
	default:
		return ""
	}
	fn, ok := st.pass.TypesInfo.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != resourcePath || fn.Signature().Recv() != nil {
		return ""
	}
	return fn.Name()
}

// schemaVersion returns the semconv version ("v1.26.0") whose schema URL
// the constant expression e is, or "".
func (st *checker) schemaVersion(e ast.Expr) string {
	tv, ok := st.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	rest, ok := strings.CutPrefix(constant.StringVal(tv.Value), schemaURLStart)
	if !ok || rest == "" {
		return ""
	}
	return "v" + rest
}

// attrVersions returns the semconv versions whose objects the expressions
// name, each with the first such name as written.
func (st *checker) attrVersions(es []ast.Expr) (versions []string, first map[string]string) {
	first = map[string]string{}
	for _, e := range es {
		ast.Inspect(e, func(n ast.Node) bool {
			var id *ast.Ident
			text := ""
			switch n := n.(type) {
			case *ast.SelectorExpr:
				id = n.Sel
				if x, ok := n.X.(*ast.Ident); ok {
					text = x.Name + "." + n.Sel.Name
				}
			case *ast.Ident:
				id, text = n, n.Name
			default:
				return true
			}
			obj := st.pass.TypesInfo.Uses[id]
			if obj == nil || obj.Pkg() == nil {
				return true
			}
			v, _, ok := ImportVersion(obj.Pkg().Path())
			if !ok || text == "" {
				return true
			}
			if _, seen := first[v]; !seen {
				first[v] = text
				versions = append(versions, v)
			}
			return false
		})
	}
	return versions, first
}

// checkMixed reports url, a schema URL, given with attributes of another
// semconv version.
func (st *checker) checkMixed(file *ast.File, url ast.Expr, attrs []ast.Expr) {
	sv := st.schemaVersion(url)
	if sv == "" || st.sup.Suppressed(file, url.Pos()) {
		return
	}
	versions, first := st.attrVersions(attrs)
	var other []string
	for _, v := range versions {
		if v != sv {
			other = append(other, fmt.Sprintf("semconv %s (%s)", v, first[v]))
		}
	}
	if len(other) == 0 {
		return
	}
	st.pass.Report(analysis.Diagnostic{
		Pos: url.Pos(), End: url.End(), Category: string(category.SchemaURL),
		Message: fmt.Sprintf("the schema URL of semconv %s is given with attributes of %s: use the SchemaURL of the version the attributes come from (a resource merged with one of another version's schema URL fails with \"conflicting Schema URL\")",
			sv, strings.Join(other, ", ")),
	})
}

// checkMerge reports resource.Merge of two resources built with different
// versions' schema URLs.
func (st *checker) checkMerge(file *ast.File, body *ast.BlockStmt, call *ast.CallExpr) {
	if st.sup.Suppressed(file, call.Pos()) {
		return
	}
	var vs [2]string
	var where [2]token.Pos
	for i, arg := range call.Args {
		vs[i], where[i] = st.builtWith(body, arg)
		if vs[i] == "" {
			return
		}
	}
	if vs[0] == vs[1] {
		return
	}
	line := func(p token.Pos) int { return st.pass.Fset.Position(p).Line }
	st.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(), Category: string(category.SchemaURL),
		Message: fmt.Sprintf("resource.Merge of a resource with the schema URL of semconv %s (line %d) and one with that of semconv %s (line %d) fails at run time with \"conflicting Schema URL\": build both from one semconv version",
			vs[0], line(where[0]), vs[1], line(where[1])),
	})
}

// builtWith returns the semconv version of the schema URL that the
// resource e was built with, and where: a call of NewWithAttributes or of
// New with WithSchemaURL, directly or through a local variable of body
// assigned once.
func (st *checker) builtWith(body *ast.BlockStmt, e ast.Expr) (string, token.Pos) {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if body == nil {
			return "", token.NoPos
		}
		init := st.onlyValue(body, id)
		if init == nil {
			return "", token.NoPos
		}
		e = ast.Unparen(init)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return "", token.NoPos
	}
	switch st.resourceFunc(call) {
	case "NewWithAttributes":
		if len(call.Args) > 0 {
			return st.schemaVersion(call.Args[0]), call.Args[0].Pos()
		}
	case "New":
		for _, opt := range call.Args {
			if oc, ok := ast.Unparen(opt).(*ast.CallExpr); ok && st.resourceFunc(oc) == "WithSchemaURL" && len(oc.Args) == 1 {
				return st.schemaVersion(oc.Args[0]), oc.Args[0].Pos()
			}
		}
	}
	return "", token.NoPos
}

// onlyValue returns the expression that the local variable id refers to
// is given in body, where that is its only assignment and its address is
// never taken; else nil.
func (st *checker) onlyValue(body *ast.BlockStmt, id *ast.Ident) ast.Expr {
	v, ok := st.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() != st.pass.Pkg || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	var value ast.Expr
	n := 0
	ast.Inspect(body, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.AssignStmt:
			for i, lhs := range node.Lhs {
				lid, ok := lhs.(*ast.Ident)
				if !ok || st.pass.TypesInfo.ObjectOf(lid) != v {
					continue
				}
				n++
				switch {
				case len(node.Rhs) == len(node.Lhs):
					value = node.Rhs[i]
				case len(node.Rhs) == 1 && i == 0:
					value = node.Rhs[0] // r, err := resource.New(...)
				default:
					value = nil
				}
			}
		case *ast.ValueSpec:
			for i, name := range node.Names {
				if st.pass.TypesInfo.Defs[name] == v {
					n++
					switch {
					case len(node.Values) == len(node.Names):
						value = node.Values[i]
					case len(node.Values) == 1 && i == 0:
						value = node.Values[0]
					}
				}
			}
		case *ast.UnaryExpr:
			if x, ok := node.X.(*ast.Ident); ok && node.Op == token.AND && st.pass.TypesInfo.Uses[x] == v {
				n += 2
			}
		case *ast.IncDecStmt, *ast.RangeStmt:
			// Not resources.
		}
		return true
	})
	if n != 1 {
		return nil
	}
	return value
}
