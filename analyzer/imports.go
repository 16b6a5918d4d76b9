package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// importPlan decides, for one file, how each package that its fixes refer
// to is written: the file's own import name where it is visible at every
// use, or a new import whose name is free in the file and at every use.
type importPlan struct {
	pass  *analysis.Pass
	file  *ast.File
	names map[*types.Package]string // qualifier, "" for the analysed package
	added map[*types.Package]string // new imports: package -> name
	taken map[string]bool           // names this plan gave to new imports
	lay   *importLayout             // read on first use
}

func newImportPlan(pass *analysis.Pass, file *ast.File) *importPlan {
	return &importPlan{pass: pass, file: file, names: map[*types.Package]string{}, added: map[*types.Package]string{}, taken: map[string]bool{}}
}

// decide fixes the qualifier of pkg in this file, given every position
// where a fix will write it.
func (ip *importPlan) decide(pkg *types.Package, uses []token.Pos) {
	if _, ok := ip.names[pkg]; ok {
		return
	}
	if pkg == ip.pass.Pkg {
		ip.names[pkg] = ""
		return
	}
	info := ip.pass.TypesInfo
	for _, spec := range ip.file.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p != pkg.Path() {
			continue
		}
		obj := info.Defs[spec.Name]
		if spec.Name == nil {
			obj = info.Implicits[spec]
		}
		pn, ok := obj.(*types.PkgName)
		if !ok || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		if ip.visibleAt(pn.Name(), uses, pn) {
			ip.names[pkg] = pn.Name()
			return
		}
	}
	base := pkg.Name()
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name = base + strconv.Itoa(i)
		}
		if ip.free(name) && ip.visibleAt(name, uses, nil) {
			ip.taken[name] = true
			ip.names[pkg] = name
			ip.added[pkg] = name
			return
		}
	}
}

// free reports whether a new import may take name in this file: no
// package-level declaration, import of the file, predeclared identifier or
// keyword has it.
func (ip *importPlan) free(name string) bool {
	if ip.taken[name] || ip.pass.Pkg.Scope().Lookup(name) != nil || types.Universe.Lookup(name) != nil || token.IsKeyword(name) {
		return false
	}
	fs := ip.pass.TypesInfo.Scopes[ip.file]
	return fs == nil || fs.Lookup(name) == nil
}

// visibleAt reports whether name resolves to want (nil: to nothing) at
// every use.
func (ip *importPlan) visibleAt(name string, uses []token.Pos, want types.Object) bool {
	for _, pos := range uses {
		scope := ip.pass.Pkg.Scope().Innermost(pos)
		if scope == nil {
			return false
		}
		if _, obj := scope.LookupParent(name, pos); obj != want {
			return false
		}
	}
	return true
}

// fileName is the name under which the file imports pkg, or its package
// name when the file does not import it.
func (ip *importPlan) fileName(pkg *types.Package) string {
	if q, ok := ip.names[pkg]; ok && q != "" {
		return q
	}
	for _, spec := range ip.file.Imports {
		if importPath(spec) == pkg.Path() {
			if pn := importedName(ip.pass.TypesInfo, spec); pn != nil && pn.Name() != "_" && pn.Name() != "." {
				return pn.Name()
			}
		}
	}
	return pkg.Name()
}

// qualify writes pkg.name as it must appear in this file.
func (ip *importPlan) qualify(pkg *types.Package, name string) string {
	if q := ip.names[pkg]; q != "" {
		return q + "." + name
	}
	return name
}

// addEdit returns the edit that adds pkg's import, keeping the import
// block sorted and gofmt-clean: into the group of its kind (standard
// library or not), before the first path that sorts after it.
func (ip *importPlan) addEdit(pkg *types.Package) analysis.TextEdit {
	name := ip.added[pkg]
	spec := strconv.Quote(pkg.Path())
	if name != path.Base(pkg.Path()) {
		spec = name + " " + spec
	}
	tf := ip.pass.Fset.File(ip.file.Pos())
	lineStart := func(line int) token.Pos { return tf.LineStart(line) }
	nextLine := func(pos token.Pos) token.Pos {
		if l := tf.Line(pos); l < tf.LineCount() {
			return lineStart(l + 1)
		}
		return token.Pos(tf.Base() + tf.Size())
	}

	var decls []*ast.GenDecl
	for _, d := range ip.file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			decls = append(decls, gd)
		}
	}
	if len(decls) == 0 {
		end := ip.file.Name.End()
		return analysis.TextEdit{Pos: end, End: end, NewText: []byte("\n\nimport " + spec)}
	}
	var block *ast.GenDecl
	for _, gd := range slices.Backward(decls) {
		if gd.Lparen.IsValid() && len(gd.Specs) > 0 {
			block = gd
			break
		}
	}
	lay := ip.layout()
	if last := decls[len(decls)-1]; block == nil && !lay.ownsLines(declStart(last), last.End()) {
		at := declStart(last) // import "a"; var x = 1
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte("import " + spec + "; ")}
	}
	if block != nil && !lay.tidyBlock(block) {
		at := block.Lparen + 1 // import("a"; "b")
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte(spec + "; ")}
	}
	if block == nil {
		at := nextLine(decls[len(decls)-1].End())
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte("import " + spec + "\n")}
	}

	// Split the block into groups separated by blank lines.
	var groups [][]*ast.ImportSpec
	prevLine := -1
	for _, s := range block.Specs {
		is := s.(*ast.ImportSpec)
		start := is.Pos()
		if is.Doc != nil {
			start = is.Doc.Pos()
		}
		if len(groups) == 0 || tf.Line(start) > prevLine+1 {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], is)
		prevLine = tf.Line(is.End())
	}
	// The group of its kind (standard library or not) whose paths share
	// the longest prefix with it (go.opentelemetry.io/otel/... beside the
	// other otel imports); on a tie the first standard-library group, or
	// the last other group.
	std := isStd(pkg.Path())
	group, best := -1, -1
	for i, g := range groups {
		if isStd(importPath(g[0])) != std {
			continue
		}
		share := 0
		for _, is := range g {
			share = max(share, commonPrefix(importPath(is), pkg.Path()))
		}
		if share > best || share == best && !std {
			group, best = i, share
		}
	}
	if group < 0 { // a new group after the last one
		last := groups[len(groups)-1]
		at := nextLine(last[len(last)-1].End())
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\n\t" + spec + "\n")}
	}
	g := groups[group]
	for _, is := range g {
		if importPath(is) > pkg.Path() {
			start := is.Pos()
			if is.Doc != nil {
				start = is.Doc.Pos()
			}
			at := lineStart(tf.Line(start))
			return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\t" + spec + "\n")}
		}
	}
	at := nextLine(g[len(g)-1].End())
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\t" + spec + "\n")}
}

// removeEdit returns the edit that deletes an import spec, or its whole
// declaration when it is the only one.
func (ip *importPlan) removeEdit(spec *ast.ImportSpec) analysis.TextEdit {
	tf := ip.pass.Fset.File(ip.file.Pos())
	var decl *ast.GenDecl
	for _, d := range ip.file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && slices.Contains(gd.Specs, ast.Spec(spec)) {
			decl = gd
		}
	}
	// Layouts other than gofmt's: delete the tokens, and the ";" after
	// them, not whole lines (a spec alone in an untidy block leaves an
	// empty "import ()", where addEdit may insert).
	switch lay := ip.layout(); {
	case decl.Lparen.IsValid() && (!lay.tidyBlock(decl) || len(decl.Specs) == 1 && !lay.ownsLines(declStart(decl), decl.End())):
		return analysis.TextEdit{Pos: specStart(spec), End: lay.afterSemicolon(spec.End())}
	case !decl.Lparen.IsValid() && !lay.ownsLines(declStart(decl), decl.End()):
		return analysis.TextEdit{Pos: declStart(decl), End: lay.afterSemicolon(decl.End())}
	}
	from, to := ast.Node(spec), ast.Node(spec)
	if spec.Doc != nil {
		from = spec.Doc
	}
	if spec.Comment != nil {
		to = spec.Comment
	}
	if len(decl.Specs) == 1 {
		from, to = decl, decl
		if decl.Doc != nil {
			from = decl.Doc
		}
	}
	startLine, endLine := tf.Line(from.Pos()), tf.Line(to.End())
	// A spec alone in its group also takes the blank line before it.
	if len(decl.Specs) > 1 && blankLine(ip, tf, startLine-1) && (blankLine(ip, tf, endLine+1) || tf.Line(decl.Rparen) == endLine+1) {
		startLine--
	}
	pos := tf.LineStart(startLine)
	end := token.Pos(tf.Base() + tf.Size())
	if endLine < tf.LineCount() {
		end = tf.LineStart(endLine + 1)
	}
	return analysis.TextEdit{Pos: pos, End: end}
}

// blankLine reports whether a line of the file holds no import spec or
// comment; within an import block that means it is empty.
func blankLine(ip *importPlan, tf *token.File, line int) bool {
	if line < 1 {
		return false
	}
	for _, s := range ip.file.Imports {
		if tf.Line(s.Pos()) <= line && line <= tf.Line(s.End()) {
			return false
		}
	}
	for _, g := range ip.file.Comments {
		if tf.Line(g.Pos()) <= line && line <= tf.Line(g.End()) {
			return false
		}
	}
	for _, d := range ip.file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && (tf.Line(gd.Lparen) == line || tf.Line(gd.Rparen) == line) {
			return false
		}
	}
	return true
}

// commonPrefix is the number of leading path elements a and b share.
func commonPrefix(a, b string) int {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	n := 0
	for n < len(as) && n < len(bs) && as[n] == bs[n] {
		n++
	}
	return n
}

func importPath(spec *ast.ImportSpec) string {
	p, _ := strconv.Unquote(spec.Path.Value)
	return p
}

// isStd reports whether an import path is in the standard library, as
// goimports decides it: no dot in the first element.
func isStd(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".")
}
