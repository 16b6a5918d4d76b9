package check

import (
	"go/ast"
	"go/constant"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/spanattrlint/spanattrlint/internal/suppress"
)

// A MemberSite is a value site that sets a key of the registry's own to a
// member of its enum, as a constant, in an expression that a member
// variable may replace (gen -registry -into writes those variables and
// rewrites the sites to them).
type MemberSite struct {
	Key, Value, ID string // the key, the member's value and its id
	IsInt          bool
	Expr           ast.Expr // the call or literal the variable replaces
	File           *ast.File
}

// RegistryMembers returns the value sites that set a key to the member
// that member names (its id, given the key, the constant value and the
// value's registry type), less those under //nolint or in generated
// files, those no variable may replace, and the values of package-level
// variables (a member variable's own definition).
func RegistryMembers(pass *analysis.Pass, sup *suppress.Suppressor, vals []ValueSite, member func(key, value, class string) (string, bool)) []MemberSite {
	var out []MemberSite
	for i := range vals {
		s := &vals[i]
		if s.value == nil || s.class != "string" && s.class != "int" || sup.Suppressed(s.file, s.whole.Pos()) {
			continue
		}
		tv, ok := pass.TypesInfo.Types[s.value]
		if !ok || tv.Value == nil {
			continue
		}
		var v string
		switch {
		case s.class == "string" && tv.Value.Kind() == constant.String:
			v = constant.StringVal(tv.Value)
		case s.class == "int" && tv.Value.Kind() == constant.Int:
			v = tv.Value.ExactString()
		default:
			continue
		}
		id, ok := member(s.key, v, s.class)
		if !ok || !replaceable(pass, s.whole) || packageVarValue(pass, s.whole) {
			continue
		}
		out = append(out, MemberSite{Key: s.key, Value: v, ID: id, IsInt: s.class == "int", Expr: s.whole, File: s.file})
	}
	return out
}

// packageVarValue reports whether e is the value of a package-level
// variable (ShopOrderStatusPaid = ShopOrderStatusKey.String("paid")).
func packageVarValue(pass *analysis.Pass, e ast.Expr) bool {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	cur, ok := insp.Root().FindNode(e)
	if !ok {
		return false
	}
	p := cur.Parent()
	for {
		if _, paren := p.Node().(*ast.ParenExpr); !paren {
			break
		}
		p = p.Parent()
	}
	if _, ok := p.Node().(*ast.ValueSpec); !ok {
		return false
	}
	_, top := p.Parent().Parent().Node().(*ast.File)
	return top
}
