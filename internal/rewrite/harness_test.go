package rewrite

import (
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/pkgpath"
)

// The tests type-check one-file packages from source strings. The
// standard library comes from the go command's export data; any other
// path is a package made here, named after the path's last element, with
// the string constants K ("k") and Name ("name"): a rewrite only needs a
// package's path, name and objects, not what the package does.

var std = struct {
	sync.Mutex
	types.Importer
}{Importer: importer.Default()}

// testImporter serves one test: the same path is the same package.
type testImporter struct {
	made map[string]*types.Package
}

func newImporter() *testImporter { return &testImporter{made: map[string]*types.Package{}} }

func (imp *testImporter) Import(p string) (*types.Package, error) {
	if pkgpath.IsStd(p) {
		std.Lock()
		defer std.Unlock()
		return std.Import(p)
	}
	if pkg, ok := imp.made[p]; ok {
		return pkg, nil
	}
	pkg := types.NewPackage(p, path.Base(p))
	for _, c := range [][2]string{{"K", "k"}, {"Name", "name"}} {
		pkg.Scope().Insert(types.NewConst(token.NoPos, pkg, c[0], types.Typ[types.UntypedString], constant.MakeString(c[1])))
	}
	pkg.MarkComplete()
	imp.made[p] = pkg
	return pkg, nil
}

// checked is a type-checked one-file package p.
type checked struct {
	src  string
	fset *token.FileSet
	file *ast.File
	info *types.Info
	pkg  *types.Package
}

func check(imp types.Importer, src string) (*checked, error) {
	c := &checked{src: src, fset: token.NewFileSet(), info: &types.Info{
		Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{},
		Implicits: map[ast.Node]types.Object{}, Scopes: map[ast.Node]*types.Scope{},
	}}
	var err error
	if c.file, err = parser.ParseFile(c.fset, "a.go", src, parser.ParseComments); err != nil {
		return nil, err
	}
	c.pkg, err = (&types.Config{Importer: imp}).Check("example.com/app/p", c.fset, []*ast.File{c.file}, c.info)
	return c, err
}

func (c *checked) offset(pos token.Pos) int { return c.fset.File(c.file.Pos()).Offset(pos) }

// exprs are the expressions outside the imports whose source text is
// text, outermost first.
func (c *checked) exprs(text string) []ast.Expr {
	var found []ast.Expr
	for _, d := range c.file.Decls {
		ast.Inspect(d, func(n ast.Node) bool {
			e, ok := n.(ast.Expr)
			if ok && c.src[c.offset(e.Pos()):c.offset(e.End())] == text {
				found = append(found, e)
				return false
			}
			return true
		})
	}
	return found
}

// apply applies the edits of every fix at once, as a driver does (one of
// identical edits), and fails the test where they overlap.
func (c *checked) apply(t *testing.T, fixes []Fix) string {
	t.Helper()
	var all []analysis.TextEdit
	for _, f := range fixes {
		all = append(all, f.Edits...)
	}
	all, ok := Disjoint(all)
	if !ok {
		t.Fatalf("the fixes' edits overlap: %v", all)
	}
	out := c.src
	for i := len(all) - 1; i >= 0; i-- {
		e := all[i]
		out = out[:c.offset(e.Pos)] + string(e.NewText) + out[c.offset(e.End):]
	}
	return out
}

// rewriteTo rewrites every expression whose text is target in c's file to
// member of the package at pkgPath, as a fix would: Decide at every
// target, then Qualify, then Fixes. It returns the plan and the fixes.
func (c *checked) rewriteTo(t *testing.T, imp types.Importer, target, pkgPath, member string) (*Plan, []Fix) {
	t.Helper()
	pkg, err := imp.Import(pkgPath)
	if err != nil {
		t.Fatal(err)
	}
	targets := c.exprs(target)
	if len(targets) == 0 {
		t.Fatalf("no expression %s in the source", target)
	}
	ip := NewPlan(c.fset, c.info, c.pkg, c.file)
	uses := make([]token.Pos, len(targets))
	for i, e := range targets {
		uses[i] = e.Pos()
	}
	ip.Decide(pkg, uses)
	rewrites := make([]Rewrite, len(targets))
	for i, e := range targets {
		text := ip.Qualify(pkg, member)
		rewrites[i] = Rewrite{Pos: e.Pos(), End: e.End(), Writes: []*types.Package{pkg},
			Edits: []analysis.TextEdit{{Pos: e.Pos(), End: e.End(), NewText: []byte(text)}}}
	}
	return ip, ip.Fixes(rewrites)
}

func lines(s string) string { return "\t" + strings.ReplaceAll(s, "\n", "\n\t") }
