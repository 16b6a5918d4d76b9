package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestFixesOverlap: a rewrite inside another's expression is nested (its
// finding is best not reported, the outer fix rewrites it too); a rewrite
// whose edits overlap another's without being inside its expression loses
// its fix; the first keeps its fix either way.
func TestFixesOverlap(t *testing.T) {
	t.Parallel()
	imp := newImporter()
	c, err := check(imp, `package p

var v = "aaaa" + "bb"
`)
	if err != nil {
		t.Fatal(err)
	}
	sum := c.exprs(`"aaaa" + "bb"`)[0].(*ast.BinaryExpr)
	a, b := sum.X, sum.Y
	replace := func(e ast.Expr, text string) []analysis.TextEdit {
		return []analysis.TextEdit{{Pos: e.Pos(), End: e.End(), NewText: []byte(text)}}
	}
	for _, tc := range []struct {
		name     string
		rewrites []Rewrite
		want     []Fix // Edits only told apart as nil or not
	}{
		{"nested", []Rewrite{
			{Pos: sum.Pos(), End: sum.End(), Edits: replace(sum, `"aaaabb"`)},
			{Pos: b.Pos(), End: b.End(), Edits: replace(b, `"cc"`)},
		}, []Fix{{Edits: []analysis.TextEdit{{}}}, {Nested: true}}},
		{"nested, listed first", []Rewrite{
			{Pos: b.Pos(), End: b.End(), Edits: replace(b, `"cc"`)},
			{Pos: sum.Pos(), End: sum.End(), Edits: replace(sum, `"aaaabb"`)},
		}, []Fix{{Nested: true}, {Edits: []analysis.TextEdit{{}}}}},
		{"overlapping, not nested", []Rewrite{
			{Pos: a.Pos(), End: a.End(), Edits: []analysis.TextEdit{{Pos: a.Pos(), End: b.Pos() + 1, NewText: []byte(`"x`)}}},
			{Pos: b.Pos(), End: b.End(), Edits: replace(b, `"cc"`)},
		}, []Fix{{Edits: []analysis.TextEdit{{}}}, {}}},
		{"disjoint", []Rewrite{
			{Pos: a.Pos(), End: a.End(), Edits: replace(a, `"x"`)},
			{Pos: b.Pos(), End: b.End(), Edits: replace(b, `"cc"`)},
		}, []Fix{{Edits: []analysis.TextEdit{{}}}, {Edits: []analysis.TextEdit{{}}}}},
		{"no fix", []Rewrite{
			{Pos: sum.Pos(), End: sum.End()},
			{Pos: b.Pos(), End: b.End(), Edits: replace(b, `"cc"`)},
		}, []Fix{{}, {Edits: []analysis.TextEdit{{}}}}},
	} {
		before := make([]int, len(tc.rewrites))
		for i, rw := range tc.rewrites {
			before[i] = len(rw.Edits)
		}
		got := NewPlan(c.fset, c.info, c.pkg, c.file).Fixes(tc.rewrites)
		for i, f := range got {
			if f.Nested != tc.want[i].Nested || (f.Edits == nil) != (tc.want[i].Edits == nil) {
				t.Errorf("%s: fix %d: nested %v, has a fix %v; want nested %v, has a fix %v",
					tc.name, i, f.Nested, f.Edits != nil, tc.want[i].Nested, tc.want[i].Edits != nil)
			}
		}
		for i, rw := range tc.rewrites {
			if len(rw.Edits) != before[i] {
				t.Errorf("%s: Fixes changed rewrite %d of its argument", tc.name, i)
			}
		}
	}
}

// TestFileName: a message names a package as the file imports it: the
// decided qualifier, else the name of a named import (not a blank or dot
// one), else the package's own name.
func TestFileName(t *testing.T) {
	t.Parallel()
	imp := newImporter()
	c, err := check(imp, `package p

import (
	_ "example.com/app/legacy"
	. "example.com/app/metrics"
	_ "example.com/app/tracing"
	tr "example.com/app/tracing"
)

var a, b = tr.Name, Name

func f(tr int) string { return "k" }
`)
	if err != nil {
		t.Fatal(err)
	}
	pkg := func(p string) *types.Package {
		pkg, _ := imp.Import(p)
		return pkg
	}
	ip := NewPlan(c.fset, c.info, c.pkg, c.file)
	for p, want := range map[string]string{
		"example.com/app/tracing": "tr",
		"example.com/app/legacy":  "legacy",
		"example.com/app/metrics": "metrics",
		"example.com/app/other":   "other",
	} {
		if got := ip.FileName(pkg(p)); got != want {
			t.Errorf("FileName(%s) = %q, want %q", p, got, want)
		}
	}
	// Where tr is shadowed at the use, the plan adds an import named
	// tracing, and the file then names the package so.
	ip.Decide(pkg("example.com/app/tracing"), []token.Pos{c.exprs(`"k"`)[0].Pos()})
	if got := ip.FileName(pkg("example.com/app/tracing")); got != "tracing" {
		t.Errorf("FileName(example.com/app/tracing) after Decide = %q, want %q", got, "tracing")
	}
}

// TestDecideNoUses: without a use to look at, a new import still takes a
// name that no import or package-level declaration of the file has.
func TestDecideNoUses(t *testing.T) {
	t.Parallel()
	imp := newImporter()
	c, err := check(imp, `package p

import "example.com/other/tracing"

var tracing2 = tracing.Name
`)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _ := imp.Import("example.com/app/tracing")
	ip := NewPlan(c.fset, c.info, c.pkg, c.file)
	ip.Decide(pkg, nil)
	if got, want := ip.Qualify(pkg, "K"), "tracing3.K"; got != want {
		t.Errorf("Qualify = %q, want %q", got, want)
	}
}
