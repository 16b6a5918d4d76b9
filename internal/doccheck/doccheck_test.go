package doccheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// root is the repository's root, from this package's directory.
var root = filepath.Join("..", "..")

// TestChecksTableListsEveryCategory: the README's table of checks has one
// row per diagnostic category the analyzer emits, and no other, so that a
// new check cannot ship without its row nor a row outlive its check.
func TestChecksTableListsEveryCategory(t *testing.T) {
	emitted := analyzerCategories(t)
	if len(emitted) == 0 {
		t.Fatal("found no diagnostic category in analyzer/*.go")
	}
	rows := tableFirstColumn(t, section(t, "README.md", "## Checks"))
	for _, c := range emitted {
		if !slices.Contains(rows, c) {
			t.Errorf("the analyzer emits category %q, which the README's table of checks lacks", c)
		}
	}
	for _, r := range rows {
		if !slices.Contains(emitted, r) {
			t.Errorf("the README's table of checks has a row %q, a category the analyzer does not emit (it emits %q)", r, emitted)
		}
	}
}

// TestConfigurationTableListsEveryOption: every option of the analyzer is a
// row of the README's configuration table, with its flag, its golangci-lint
// setting and the default its kind gives it, and every row is an option; the
// full .golangci.yml of docs/integrations.md names every setting.
func TestConfigurationTableListsEveryOption(t *testing.T) {
	rows := map[string][]string{} // flag name -> cells
	for _, cells := range tableRows(t, section(t, "README.md", "## Configuration")) {
		name := regexp.MustCompile("^`-([a-z-]+)").FindStringSubmatch(cells[0])
		if name == nil {
			t.Errorf("configuration row %q: the first cell is not a flag", cells[0])
			continue
		}
		rows[name[1]] = cells
	}
	integrations := read(t, filepath.Join("docs", "integrations.md"))
	names := map[string]bool{}
	for _, o := range analyzer.Options() {
		names[o.Name] = true
		if !strings.Contains(integrations, "\n          "+o.Name+": ") {
			t.Errorf("docs/integrations.md's .golangci.yml does not show the setting %s", o.Name)
		}
		cells, ok := rows[o.Name]
		if !ok {
			t.Errorf("option -%s has no row in the README's configuration table", o.Name)
			continue
		}
		if len(cells) != 4 {
			t.Errorf("-%s: %d cells, want flag, setting, default, meaning", o.Name, len(cells))
			continue
		}
		if want := "`" + o.Name + "`"; cells[1] != want {
			t.Errorf("-%s: setting %s, want %s", o.Name, cells[1], want)
		}
		want := map[analyzer.OptionKind]string{analyzer.KindBool: "false", analyzer.KindNegatedBool: "true"}[o.Kind]
		if want != "" && cells[2] != want {
			t.Errorf("-%s: default %q, want %q", o.Name, cells[2], want)
		}
	}
	for name := range rows {
		if !names[name] {
			t.Errorf("the README's configuration table has -%s, which is no option of the analyzer", name)
		}
	}
}

// TestRelativeLinksResolve: every relative link of the documentation names
// a file or directory that exists and, for a heading anchor, a heading of
// that file (GitHub's anchors).
func TestRelativeLinksResolve(t *testing.T) {
	files := []string{"README.md", "CONTRIBUTING.md", "bench/README.md", "realworld/README.md", "realworld/RESULTS.md"}
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil || len(docs) == 0 {
		t.Fatalf("no docs/*.md: %v", err)
	}
	for _, d := range docs {
		files = append(files, filepath.ToSlash(must(filepath.Rel(root, d))))
	}
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	code := regexp.MustCompile("`[^`]*`")
	checked := 0
	for _, f := range files {
		for i, line := range prose(read(t, f)) {
			for _, m := range link.FindAllStringSubmatch(code.ReplaceAllString(line, ""), -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				checked++
				path, anchor, _ := strings.Cut(target, "#")
				where := fmt.Sprintf("%s:%d: link %s", f, i+1, target)
				rel := f
				if path != "" {
					rel = filepath.Join(filepath.Dir(f), path)
					if _, err := os.Stat(filepath.Join(root, rel)); err != nil {
						t.Errorf("%s: no such file or directory", where)
						continue
					}
				}
				if anchor == "" {
					continue
				}
				if !strings.HasSuffix(rel, ".md") {
					t.Errorf("%s: an anchor into a file that is not markdown", where)
					continue
				}
				if !slices.Contains(anchors(read(t, rel)), anchor) {
					t.Errorf("%s: %s has no heading with anchor #%s (it has %q)", where, rel, anchor, anchors(read(t, rel)))
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no relative link found: the link pattern is wrong")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func read(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// prose returns the lines of a markdown file, with those inside fenced
// code blocks blanked, so that line numbers stay right.
func prose(md string) []string {
	lines := strings.Split(md, "\n")
	in := false
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			in = !in
			lines[i] = ""
		} else if in {
			lines[i] = ""
		}
	}
	return lines
}

// anchors returns the anchors GitHub gives the headings of a markdown file:
// lower case, spaces to hyphens, other punctuation dropped, a repeated one
// suffixed -1, -2, ...
func anchors(md string) []string {
	var out []string
	seen := map[string]int{}
	for _, l := range prose(md) {
		if !strings.HasPrefix(l, "#") {
			continue
		}
		h := strings.TrimSpace(strings.TrimLeft(l, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(h) {
			switch {
			case r == ' ':
				b.WriteByte('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			}
		}
		a := b.String()
		if n := seen[a]; n > 0 {
			seen[a]++
			a = fmt.Sprintf("%s-%d", a, n)
		} else {
			seen[a] = 1
		}
		out = append(out, a)
	}
	return out
}

// section returns the text of file under heading, up to the next heading
// of the same or a higher level.
func section(t *testing.T, file, heading string) string {
	t.Helper()
	lines := strings.Split(read(t, file), "\n")
	level := strings.Index(heading, " ")
	start := slices.Index(lines, heading)
	if start < 0 {
		t.Fatalf("%s has no heading %q", file, heading)
	}
	end := len(lines)
	for i := start + 1; i < len(lines); i++ {
		if l := lines[i]; strings.HasPrefix(l, "#") {
			if n := len(l) - len(strings.TrimLeft(l, "#")); n <= level {
				end = i
				break
			}
		}
	}
	return strings.Join(lines[start+1:end], "\n")
}

// tableRows returns the cells of the body rows of the markdown tables in
// text (header and delimiter rows left out), trimmed.
func tableRows(t *testing.T, text string) [][]string {
	t.Helper()
	var rows [][]string
	header := true
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(l, "|") {
			header = true
			continue
		}
		if header {
			header = false
			continue
		}
		if strings.HasPrefix(l, "| ---") {
			continue
		}
		// Split on | not escaped as \|.
		var cells []string
		for _, c := range regexp.MustCompile(`(?:^|[^\\])\|`).Split(strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|"), -1) {
			cells = append(cells, strings.TrimSpace(c))
		}
		rows = append(rows, cells)
	}
	if len(rows) == 0 {
		t.Fatal("no table rows")
	}
	return rows
}

// tableFirstColumn returns the first cells of the table rows in text,
// each a single code span, without the backquotes.
func tableFirstColumn(t *testing.T, text string) []string {
	t.Helper()
	var out []string
	for _, cells := range tableRows(t, text) {
		c, ok := strings.CutPrefix(cells[0], "`")
		c, ok2 := strings.CutSuffix(c, "`")
		if !ok || !ok2 || strings.Contains(c, "`") {
			t.Errorf("row %q: the first cell is not one category in backquotes", cells[0])
			continue
		}
		out = append(out, c)
	}
	return out
}

// analyzerCategories returns, sorted, the Category strings of the
// diagnostics that analyzer/*.go (tests left out) can report. It follows each
// expression given to a Category field (in an analysis.Diagnostic literal
// or an assignment to .Category) back to string constants: a literal, a
// package constant, a field of a struct (to every literal of that struct
// type), a parameter of a function (to every call of it, a function
// literal by the name it is assigned to). An expression it cannot follow
// fails the test, so a new way of choosing a category is not missed.
func analyzerCategories(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(root, "analyzer", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	c := &collector{t: t, fset: fset, files: files, found: map[string]bool{}, busy: map[string]bool{}}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Category" {
					c.follow(n.Value)
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == "Category" && i < len(n.Rhs) {
						c.follow(n.Rhs[i])
					}
				}
			}
			return true
		})
	}
	var out []string
	for s := range c.found {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

type collector struct {
	t     *testing.T
	fset  *token.FileSet
	files []*ast.File
	found map[string]bool
	busy  map[string]bool // what is being followed, against cycles
}

func (c *collector) follow(e ast.Expr) {
	c.t.Helper()
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s, err := strconv.Unquote(e.Value)
			if err != nil {
				c.t.Fatal(err)
			}
			c.found[s] = true
			return
		}
	case *ast.Ident:
		if e.Obj != nil {
			switch d := e.Obj.Decl.(type) {
			case *ast.ValueSpec: // a constant
				for i, n := range d.Names {
					if n.Name == e.Name && e.Obj.Kind == ast.Con && i < len(d.Values) {
						c.follow(d.Values[i])
						return
					}
				}
			case *ast.Field: // a parameter
				if c.followParam(e.Name, d) {
					return
				}
			}
		}
	case *ast.SelectorExpr: // x.field: every literal of the struct type
		if c.followField(e.Sel.Name) {
			return
		}
	}
	c.t.Fatalf("%s: cannot follow the category expression %T back to string constants; teach analyzerCategories", c.fset.Position(e.Pos()), e)
}

// followParam follows parameter name, declared by field, to the
// corresponding argument of every call of its function.
func (c *collector) followParam(name string, field *ast.Field) bool {
	key := "param " + name + c.fset.Position(field.Pos()).String()
	if c.busy[key] {
		return true
	}
	c.busy[key] = true
	var decl ast.Node // the *ast.FuncDecl, or the *ast.AssignStmt of a function literal
	var index int
	for _, f := range c.files {
		ast.Inspect(f, func(n ast.Node) bool {
			var ft *ast.FuncType
			switch n := n.(type) {
			case *ast.FuncDecl:
				ft = n.Type
			case *ast.AssignStmt:
				if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
					if lit, ok := n.Rhs[0].(*ast.FuncLit); ok {
						if _, ok := n.Lhs[0].(*ast.Ident); ok {
							ft = lit.Type
						}
					}
				}
			}
			if ft == nil || ft.Params == nil {
				return true
			}
			i := 0
			for _, p := range ft.Params.List {
				for _, pn := range p.Names {
					if p == field && pn.Name == name {
						decl, index = n, i
					}
					i++
				}
			}
			return true
		})
	}
	if decl == nil {
		return false
	}
	// calls reports whether call calls decl's function: a local function
	// literal through the identifier resolved to its assignment, a
	// package function by its name, a method by its name.
	calls := func(call *ast.CallExpr) bool {
		switch fun := call.Fun.(type) {
		case *ast.Ident:
			if fun.Obj != nil {
				return fun.Obj.Decl == decl
			}
			fd, ok := decl.(*ast.FuncDecl)
			return ok && fd.Recv == nil && fd.Name.Name == fun.Name
		case *ast.SelectorExpr:
			fd, ok := decl.(*ast.FuncDecl)
			return ok && fd.Recv != nil && fd.Name.Name == fun.Sel.Name
		}
		return false
	}
	n := 0
	for _, f := range c.files {
		ast.Inspect(f, func(node ast.Node) bool {
			if call, ok := node.(*ast.CallExpr); ok && calls(call) && index < len(call.Args) {
				n++
				c.follow(call.Args[index])
			}
			return true
		})
	}
	return n > 0
}

// followField follows field name of the package's struct types to the
// corresponding element of every composite literal of such a type.
func (c *collector) followField(name string) bool {
	if c.busy["field "+name] {
		return true
	}
	c.busy["field "+name] = true
	type pos struct {
		typ   string
		index int
	}
	var fields []pos
	for _, f := range c.files {
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			i := 0
			for _, fl := range st.Fields.List {
				for _, n := range fl.Names {
					if n.Name == name {
						fields = append(fields, pos{ts.Name.Name, i})
					}
					i++
				}
				if len(fl.Names) == 0 {
					i++
				}
			}
			return true
		})
	}
	lits := 0
	for _, f := range c.files {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			id, ok := lit.Type.(*ast.Ident)
			if !ok {
				return true
			}
			for _, p := range fields {
				if p.typ != id.Name {
					continue
				}
				for i, el := range lit.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if k, ok := kv.Key.(*ast.Ident); ok && k.Name == name {
							lits++
							c.follow(kv.Value)
						}
					} else if i == p.index {
						lits++
						c.follow(el)
					}
				}
			}
			return true
		})
	}
	return lits > 0
}
