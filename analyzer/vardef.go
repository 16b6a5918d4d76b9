package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/site"
	"golang.org/x/tools/go/analysis"
)

// A package-level variable initialised with a key, var statusKey =
// attribute.Key("status"), is that key's definition, as a constant would
// be: it is reported as one to declare as a constant (with the fix that
// writes const for var, where nothing assigns the variable or takes its
// address), not as a key no constant defines, and gen makes no second
// name for it. Other hard-coded uses of its value in the package are told
// to use it.

// markVarDefs finds the hard-coded keys that initialise package-level
// variables and, for those that no usable constant names, marks them and
// the package's other hard-coded uses of their values.
func (st *passState) markVarDefs(hardCoded []*site.Finding) {
	if !slices.ContainsFunc(hardCoded, func(f *site.Finding) bool { return f.Site.Place == site.KeyConv }) {
		return // cheap first: no attribute.Key("...") written at all
	}
	inits := st.varInits()
	if len(inits) == 0 {
		return
	}
	byValue := map[string]*site.VarDef{}
	for _, f := range hardCoded {
		s := f.Site
		if s.Role != site.Key || s.Place != site.KeyConv || !noUsableConst(f) {
			continue
		}
		vi, ok := inits[s.Call]
		if !ok {
			continue
		}
		d := &site.VarDef{Var: vi.v, Decl: vi.decl}
		d.Why = st.whyNoConst(vi)
		f.VarDef = &site.VarDefUse{VarDef: d, Def: true}
		if _, seen := byValue[s.Value]; !seen {
			byValue[s.Value] = d
		}
	}
	for _, f := range hardCoded {
		if f.VarDef != nil || f.Site.Role != site.Key || !noUsableConst(f) {
			continue
		}
		d, ok := byValue[f.Site.Value]
		if !ok {
			continue
		}
		f.VarDef = &site.VarDefUse{VarDef: d}
		if d.Why == "" {
			// The variable never changes: its name is as good as a
			// constant's here, and becomes one with its own fix, so
			// that one run of -fix leaves nothing to fix.
			if d.As == nil {
				d.As = types.NewConst(d.Var.Pos(), d.Var.Pkg(), d.Var.Name(), d.Var.Type(), constant.MakeString(f.Site.Value))
			}
			f.Cands = append([]site.Candidate{{Obj: d.As, Path: d.Var.Pkg().Path(), PkgName: d.Var.Pkg().Name(), Name: d.Var.Name(), Source: site.FromLocal}}, f.Cands...)
		}
	}
}

// noUsableConst reports whether no constant the code can use names the
// finding's value: none, or only a local constant that is no key, or a
// semconv constant the module's otel lacks.
func noUsableConst(f *site.Finding) bool {
	c := f.Best()
	return f.Dep == nil && (c == nil || c.NotKey || c.Unavailable)
}

// A varInit is a package-level variable whose whole initialiser is one
// expression of its declaration.
type varInit struct {
	v    *types.Var
	spec *ast.ValueSpec
	decl *ast.GenDecl
	file *ast.File
}

// varInits maps the initialisers of the package-level variables declared
// one name to one value.
func (st *passState) varInits() map[ast.Expr]varInit {
	var out map[ast.Expr]varInit
	for _, file := range st.pass.Files {
		for _, decl := range file.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Names) != len(vs.Values) {
					continue
				}
				for i, name := range vs.Names {
					v, ok := st.pass.TypesInfo.Defs[name].(*types.Var)
					if !ok {
						continue
					}
					if out == nil {
						out = map[ast.Expr]varInit{}
					}
					out[ast.Unparen(vs.Values[i])] = varInit{v, vs, gd, file}
				}
			}
		}
	}
	return out
}

// whyNoConst says why the declaration of vi cannot simply say const for
// var, or "" if it can.
func (st *passState) whyNoConst(vi varInit) string {
	switch {
	case vi.v.Exported():
		return "it is exported, and another package may assign it"
	case len(vi.decl.Specs) != 1 || len(vi.spec.Names) != 1:
		return "its declaration declares other variables"
	}
	if b, ok := vi.v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsConstType == 0 {
		return "its type cannot be a constant's"
	}
	if pos := st.varWritten(vi.v); pos.IsValid() {
		p := st.pass.Fset.Position(pos)
		return fmt.Sprintf("it is assigned or its address taken at %s:%d", filepath.Base(p.Filename), p.Line)
	}
	switch at := testWrites(st.pass, st.dir, vi.v.Name()); at {
	case "":
	case unreadTests:
		return "the package's tests, which may assign it, cannot be read"
	default:
		return "it is assigned or its address taken at " + at
	}
	return ""
}

// varWritten returns where the package assigns v, takes its address or
// calls a pointer method on it, or NoPos.
func (st *passState) varWritten(v *types.Var) token.Pos {
	info := st.pass.TypesInfo
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	var at token.Pos
	for _, file := range st.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if at.IsValid() {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if is(l) {
						at = l.Pos()
					}
				}
			case *ast.IncDecStmt:
				if is(n.X) {
					at = n.Pos()
				}
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN && (n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value)) {
					at = n.Pos()
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND && is(n.X) {
					at = n.Pos()
				}
			case *ast.SelectorExpr:
				if sel := info.Selections[n]; sel != nil && is(n.X) {
					if fn, ok := sel.Obj().(*types.Func); ok {
						if _, ptr := fn.Signature().Recv().Type().(*types.Pointer); ptr {
							at = n.Pos()
						}
					}
				}
			}
			return true
		})
	}
	return at
}

// unreadTests is what testWrites says when it cannot read the tests.
const unreadTests = "?"

// testWrites reads, when the pass has none of them, the _test.go files of
// the same package in dir, the package's directory (a build without tests
// leaves them out, yet -fix must not break them), and returns where one
// first assigns, or takes the address of, an identifier called name
// ("x_test.go:12"); "" if none does, unreadTests if it cannot tell. It
// goes by name, as these files are not type-checked here: a local of the
// same name withholds the fix, never the other way round. The variable's
// type is attribute.Key, whose methods take no pointer.
func testWrites(pass *analysis.Pass, dir, name string) string {
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
			return "" // the pass has the tests: varWritten saw them
		}
	}
	if dir == "" {
		return unreadTests // no source directory (packageDir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return unreadTests
	}
	pkgName := pass.Pkg.Name()
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return unreadTests
		}
		if f.Name.Name != pkgName {
			continue // package x_test sees only what is exported
		}
		is := func(e ast.Expr) bool {
			id, ok := ast.Unparen(e).(*ast.Ident)
			return ok && id.Name == name
		}
		var at token.Pos
		ast.Inspect(f, func(n ast.Node) bool {
			found := false
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					found = found || n.Tok != token.DEFINE && is(l)
				}
			case *ast.IncDecStmt:
				found = is(n.X)
			case *ast.RangeStmt:
				found = n.Tok == token.ASSIGN && (n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value))
			case *ast.UnaryExpr:
				found = n.Op == token.AND && is(n.X)
			}
			if found && !at.IsValid() {
				at = n.Pos()
			}
			return !at.IsValid()
		})
		if at.IsValid() {
			return fmt.Sprintf("%s:%d", e.Name(), fset.Position(at).Line)
		}
	}
	return ""
}

// varDefMessage says what to do with a key that a package variable defines.
func varDefMessage(u *site.VarDefUse, f *site.Finding) string {
	if !u.Def {
		head := fmt.Sprintf("hard-coded %s %q", f.Site.Role, f.Site.Value)
		if u.Why == "" {
			return fmt.Sprintf("%s: use %s, the package variable that defines it (and declare it as a constant)", head, u.Var.Name())
		}
		return fmt.Sprintf("%s: the package variable %s defines it; declared as a constant, it would be used here (no fix: %s)", head, u.Var.Name(), u.Why)
	}
	msg := fmt.Sprintf("%s %q is defined by the package variable %s: declare it as a constant", f.Site.Role, f.Site.Value, u.Var.Name())
	if u.Why != "" {
		msg += " (no fix: " + u.Why + ")"
	}
	return msg
}

// varDefFix is the fix of a variable's own initialiser: const for var.
func varDefFix(u *site.VarDefUse) fixText {
	if !u.Def || u.Why != "" {
		return fixText{}
	}
	return fixText{
		edits:   []analysis.TextEdit{{Pos: u.Decl.TokPos, End: u.Decl.TokPos + token.Pos(len("var")), NewText: []byte("const")}},
		message: "Declare " + u.Var.Name() + " as a constant",
	}
}
