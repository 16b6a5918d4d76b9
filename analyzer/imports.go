package analyzer

import (
	"cmp"
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

	gone     map[*ast.ImportSpec]bool // imports that some fix of the file removes
	lay      *importLayout
	removals map[*ast.ImportSpec]removal
	adds     map[*types.Package]analysis.TextEdit
}

func newImportPlan(pass *analysis.Pass, file *ast.File) *importPlan {
	return &importPlan{pass: pass, file: file, names: map[*types.Package]string{}, added: map[*types.Package]string{}, taken: map[string]bool{},
		gone: map[*ast.ImportSpec]bool{}, removals: map[*ast.ImportSpec]removal{}, adds: map[*types.Package]analysis.TextEdit{}}
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

// The import edits of one file's fixes are planned together. ip.gone holds
// the imports that some fix of the file removes; a new import is placed
// beside an import that stays, never inside a range that a removal deletes
// (at most at its start or end, where an insertion means the same in
// whichever order a driver applies the two). Each edit depends only on the
// file and on ip.gone, so two fixes that add, or remove, the same import
// carry identical edits, which drivers apply once.
//
// Lines are the file's own (fileLine), whatever //line directives say.

// importLayout is the file's import declarations, each parenthesised one's
// specs split into groups at blank lines.
type importLayout struct {
	tf     *token.File
	decls  []*ast.GenDecl
	declOf map[*ast.ImportSpec]*ast.GenDecl
	groups map[*ast.GenDecl][][]*ast.ImportSpec
}

// removal is the edit that removes an import, and whether it also deletes
// the blank line after a whole declaration (the new import that takes the
// declaration's place puts it back).
type removal struct {
	edit       analysis.TextEdit
	lines      bool // whole lines (else the spec's or declaration's text)
	blankAfter bool
}

func (ip *importPlan) layout() *importLayout {
	if ip.lay != nil {
		return ip.lay
	}
	l := &importLayout{tf: ip.pass.Fset.File(ip.file.Pos()), declOf: map[*ast.ImportSpec]*ast.GenDecl{}, groups: map[*ast.GenDecl][][]*ast.ImportSpec{}}
	for _, d := range ip.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		l.decls = append(l.decls, gd)
		var groups [][]*ast.ImportSpec
		prev := -1
		for _, s := range gd.Specs {
			is := s.(*ast.ImportSpec)
			l.declOf[is] = gd
			if len(groups) == 0 || fileLine(l.tf, specFrom(is)) > prev+1 {
				groups = append(groups, nil)
			}
			groups[len(groups)-1] = append(groups[len(groups)-1], is)
			prev = fileLine(l.tf, specTo(is))
		}
		l.groups[gd] = groups
	}
	ip.lay = l
	return l
}

// specFrom and specTo bound a spec with its comments.
func specFrom(is *ast.ImportSpec) token.Pos {
	if is.Doc != nil {
		return is.Doc.Pos()
	}
	return is.Pos()
}

func specTo(is *ast.ImportSpec) token.Pos {
	if is.Comment != nil {
		return is.Comment.End()
	}
	return is.End()
}

// declFrom and declTo bound a top-level declaration with its comments.
func declFrom(d ast.Decl) token.Pos {
	if gd, ok := d.(*ast.GenDecl); ok && gd.Doc != nil {
		return gd.Doc.Pos()
	}
	if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
		return fd.Doc.Pos()
	}
	return d.Pos()
}

func declTo(d ast.Decl) token.Pos {
	end := d.End()
	if gd, ok := d.(*ast.GenDecl); ok && !gd.Lparen.IsValid() && len(gd.Specs) == 1 {
		if is, ok := gd.Specs[0].(*ast.ImportSpec); ok {
			end = max(end, specTo(is))
		}
	}
	return end
}

func (ip *importPlan) isGone(is *ast.ImportSpec) bool { return ip.gone[is] }

// allGone reports whether some fix removes every one of specs, and there is one.
func (ip *importPlan) allGone(specs []ast.Spec) bool {
	return len(specs) > 0 && !ip.live(specs)
}

// live reports whether one of specs stays.
func (ip *importPlan) live(specs []ast.Spec) bool {
	return slices.ContainsFunc(specs, func(s ast.Spec) bool { return !ip.gone[s.(*ast.ImportSpec)] })
}

// occupied calls visit with the range of every node and comment group of
// the file that may share a line with the imports, in order, until visit
// returns false or the nodes lie past limit: the package clause, the
// declarations, the import specs and the tokens of the import
// declarations.
func (ip *importPlan) occupied(limit token.Pos, visit func(pos, end token.Pos, comment bool) bool) {
	f := ip.file
	if !visit(f.Package, f.Name.End(), false) {
		return
	}
	for _, d := range f.Decls {
		if declFrom(d) > limit {
			break
		}
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			if !visit(declFrom(d), declTo(d), false) {
				return
			}
			continue
		}
		tokens := []token.Pos{gd.TokPos, gd.Lparen, gd.Rparen}
		for _, p := range tokens {
			if p.IsValid() && !visit(p, p+1, false) {
				return
			}
		}
		for _, s := range gd.Specs {
			is := s.(*ast.ImportSpec)
			if !visit(specFrom(is), specTo(is), false) {
				return
			}
		}
	}
	for _, g := range f.Comments {
		if g.Pos() > limit {
			break
		}
		if !visit(g.Pos(), g.End(), true) {
			return
		}
	}
}

// alone reports whether the lines from from's to to's hold nothing but
// what lies between from and to, and comments within those lines: deleting
// the whole lines deletes just that.
func (ip *importPlan) alone(from, to token.Pos) bool {
	tf := ip.layout().tf
	first, last := fileLine(tf, from), fileLine(tf, to)
	ok := true
	ip.occupied(ip.lineStart(last+1), func(pos, end token.Pos, comment bool) bool {
		if pos >= from && end <= to {
			return true
		}
		pl, el := fileLine(tf, pos), fileLine(tf, end)
		if el < first || pl > last {
			return true
		}
		if comment && pl >= first && el <= last {
			return true // deleted along
		}
		ok = false
		return false
	})
	return ok
}

// blank reports whether the lines from first to last hold nothing.
func (ip *importPlan) blank(first, last int) bool {
	if first < 1 || last < first || last > ip.layout().tf.LineCount() {
		return false
	}
	tf := ip.layout().tf
	ok := true
	ip.occupied(ip.lineStart(last+1), func(pos, end token.Pos, _ bool) bool {
		if fileLine(tf, end) >= first && fileLine(tf, pos) <= last {
			ok = false
		}
		return ok
	})
	return ok
}

// lineStart is where a line of the file starts; past the last line, the
// end of the file.
func (ip *importPlan) lineStart(line int) token.Pos {
	tf := ip.layout().tf
	if line > tf.LineCount() {
		return token.Pos(tf.Base() + tf.Size())
	}
	return tf.LineStart(line)
}

// lines deletes whole lines.
func (ip *importPlan) lines(first, last int) analysis.TextEdit {
	return analysis.TextEdit{Pos: ip.lineStart(first), End: ip.lineStart(last + 1)}
}

// removeEdit returns the edit that deletes an import spec: its lines, with
// the blank line that set its group apart when the whole group goes, or
// its whole declaration when every spec of it goes; where the lines hold
// more than that (imports that share a line), just its text.
func (ip *importPlan) removeEdit(spec *ast.ImportSpec) analysis.TextEdit {
	return ip.removal(spec).edit
}

func (ip *importPlan) removal(spec *ast.ImportSpec) removal {
	if r, ok := ip.removals[spec]; ok {
		return r
	}
	r := ip.buildRemoval(spec)
	ip.removals[spec] = r
	return r
}

func (ip *importPlan) buildRemoval(spec *ast.ImportSpec) removal {
	l := ip.layout()
	tf := l.tf
	decl := l.declOf[spec]
	if ip.allGone(decl.Specs) {
		from, to := declFrom(decl), declTo(decl)
		if !ip.alone(from, to) {
			return removal{edit: ip.preciseDecl(decl)}
		}
		first, last := fileLine(tf, from), fileLine(tf, to)
		// Between blank lines, one of them goes too.
		if ip.blank(first-1, first-1) && ip.blank(last+1, last+1) {
			return removal{edit: ip.lines(first, last+1), lines: true, blankAfter: true}
		}
		return removal{edit: ip.lines(first, last), lines: true}
	}
	from, to := specFrom(spec), specTo(spec)
	if !ip.alone(from, to) {
		return removal{edit: ip.preciseSpec(decl, spec)}
	}
	first, last := fileLine(tf, from), fileLine(tf, to)
	groups := l.groups[decl]
	gi := slices.IndexFunc(groups, func(g []*ast.ImportSpec) bool { return slices.Contains(g, spec) })
	g := groups[gi]
	if !slices.ContainsFunc(g, func(is *ast.ImportSpec) bool { return !ip.isGone(is) }) {
		// The whole group goes, with one blank line beside it: the one
		// before it when an import stays before it, else the one after.
		liveBefore := slices.ContainsFunc(groups[:gi], func(g []*ast.ImportSpec) bool {
			return slices.ContainsFunc(g, func(is *ast.ImportSpec) bool { return !ip.isGone(is) })
		})
		switch {
		case liveBefore && spec == g[0]:
			prev := groups[gi-1]
			if end := fileLine(tf, specTo(prev[len(prev)-1])); ip.blank(end+1, first-1) {
				first = end + 1
			}
		case !liveBefore && spec == g[len(g)-1] && gi+1 < len(groups):
			if start := fileLine(tf, specFrom(groups[gi+1][0])); ip.blank(last+1, start-1) {
				last = start - 1
			}
		}
	}
	return removal{edit: ip.lines(first, last), lines: true}
}

// preciseSpec deletes a spec that shares a line, with what separates it
// from its neighbour on that line.
func (ip *importPlan) preciseSpec(decl *ast.GenDecl, spec *ast.ImportSpec) analysis.TextEdit {
	tf := ip.layout().tf
	from, to := specFrom(spec), specTo(spec)
	i := slices.Index(decl.Specs, ast.Spec(spec))
	if i+1 < len(decl.Specs) {
		if next := specFrom(decl.Specs[i+1].(*ast.ImportSpec)); fileLine(tf, next) == fileLine(tf, to) {
			return analysis.TextEdit{Pos: from, End: next}
		}
	}
	if i > 0 {
		prev := decl.Specs[i-1].(*ast.ImportSpec)
		if !ip.isGone(prev) && fileLine(tf, specTo(prev)) == fileLine(tf, from) {
			return analysis.TextEdit{Pos: specTo(prev), End: to}
		}
	}
	if decl.Rparen.IsValid() && fileLine(tf, decl.Rparen) == fileLine(tf, to) && i+1 == len(decl.Specs) {
		return analysis.TextEdit{Pos: from, End: decl.Rparen} // and a ";" before ")"
	}
	return analysis.TextEdit{Pos: from, End: to}
}

// preciseDecl deletes a declaration that shares a line, with what
// separates it from its neighbour on that line.
func (ip *importPlan) preciseDecl(decl *ast.GenDecl) analysis.TextEdit {
	tf := ip.layout().tf
	from, to := declFrom(decl), declTo(decl)
	decls := ip.file.Decls
	i := slices.Index(decls, ast.Decl(decl))
	if i+1 < len(decls) {
		if next := declFrom(decls[i+1]); fileLine(tf, next) == fileLine(tf, to) {
			return analysis.TextEdit{Pos: from, End: next}
		}
	}
	prevEnd, prevLive := ip.file.Name.End(), true
	if i > 0 {
		prevEnd = declTo(decls[i-1])
		if gd, ok := decls[i-1].(*ast.GenDecl); ok && gd.Tok == token.IMPORT && ip.allGone(gd.Specs) {
			prevLive = false
		}
	}
	if prevLive && fileLine(tf, prevEnd) == fileLine(tf, from) {
		return analysis.TextEdit{Pos: prevEnd, End: to}
	}
	return analysis.TextEdit{Pos: from, End: to}
}

// addEdit returns the edit that adds pkg's import, keeping the imports
// sorted, grouped and gofmt-clean: into the group of its kind (standard
// library or not) among those that stay, before the first path that sorts
// after it; into a group of its own when there is none of its kind; in the
// place of the import declarations when all of them go.
func (ip *importPlan) addEdit(pkg *types.Package) analysis.TextEdit {
	if e, ok := ip.adds[pkg]; ok {
		return e
	}
	e := ip.buildAdd(pkg)
	ip.adds[pkg] = e
	return e
}

func (ip *importPlan) buildAdd(pkg *types.Package) analysis.TextEdit {
	name := ip.added[pkg]
	spec := strconv.Quote(pkg.Path())
	if name != path.Base(pkg.Path()) {
		spec = name + " " + spec
	}
	l := ip.layout()
	insert := func(at token.Pos, text string) analysis.TextEdit {
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)}
	}

	var block, last *ast.GenDecl // the last declarations that stay
	for _, gd := range l.decls {
		if ip.live(gd.Specs) {
			last = gd
			if gd.Lparen.IsValid() {
				block = gd
			}
		}
	}
	if last == nil {
		for _, gd := range l.decls {
			if len(gd.Specs) == 0 {
				continue
			}
			r := ip.removal(gd.Specs[0].(*ast.ImportSpec))
			if r.lines {
				text := "import " + spec + "\n"
				if r.blankAfter {
					text += "\n"
				}
				return insert(r.edit.Pos, text)
			}
			return insert(r.edit.Pos, "\nimport "+spec+"\n")
		}
		// No import: after the package clause and its comment.
		at := ip.file.Name.End()
		for _, g := range ip.file.Comments {
			if g.Pos() >= at && fileLine(l.tf, g.Pos()) == fileLine(l.tf, at) {
				at = g.End()
			}
		}
		return insert(at, "\n\nimport "+spec)
	}
	if block == nil {
		if ip.alone(declFrom(last), declTo(last)) {
			return insert(ip.lineStart(fileLine(l.tf, declTo(last))+1), "import "+spec+"\n")
		}
		return insert(declTo(last), "\nimport "+spec)
	}
	// after and before put a line with text after or before a spec.
	after := func(is *ast.ImportSpec, text string) analysis.TextEdit {
		if ip.alone(specFrom(is), specTo(is)) {
			return insert(ip.lineStart(fileLine(l.tf, specTo(is))+1), text+"\n")
		}
		return insert(specTo(is), "\n"+text)
	}
	before := func(is *ast.ImportSpec, text string) analysis.TextEdit {
		if ip.alone(specFrom(is), specTo(is)) {
			return insert(ip.lineStart(fileLine(l.tf, specFrom(is))), text+"\n")
		}
		return insert(specFrom(is), strings.TrimPrefix(text, "\t")+"\n\t")
	}

	// The groups that stay.
	var groups [][]*ast.ImportSpec
	for _, g := range l.groups[block] {
		var live []*ast.ImportSpec
		for _, is := range g {
			if !ip.isGone(is) {
				live = append(live, is)
			}
		}
		if len(live) > 0 {
			groups = append(groups, live)
		}
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
	if group < 0 { // a group of its own: the standard library's first
		if std {
			return before(groups[0][0], "\t"+spec+"\n")
		}
		lastGroup := groups[len(groups)-1]
		return after(lastGroup[len(lastGroup)-1], "\n\t"+spec)
	}
	g := groups[group]
	for _, is := range g {
		if importPath(is) > pkg.Path() {
			return before(is, "\t"+spec)
		}
	}
	return after(g[len(g)-1], "\t"+spec)
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

// unusedAfter finds the imports of the file that no reference would use
// once all the rewrites are applied, and returns, per rewrite, those whose
// references it deletes: each such fix removes the import, and identical
// removals from several fixes merge into one.
func (ip *importPlan) unusedAfter(rewrites []rewrite) map[int][]*ast.ImportSpec {
	type span struct {
		pos, end token.Pos
		rw       int
	}
	var deleted []span
	written := map[*types.Package]bool{}
	for i, rw := range rewrites {
		for _, e := range rw.edits {
			deleted = append(deleted, span{e.Pos, e.End, i})
		}
		for _, pkg := range rw.writes {
			if _, added := ip.added[pkg]; !added {
				written[pkg] = true
			}
		}
	}
	if len(deleted) == 0 {
		return nil
	}
	slices.SortFunc(deleted, func(a, b span) int { return cmp.Compare(a.pos, b.pos) })
	// deleter returns the rewrite whose edits delete pos, or -1.
	deleter := func(pos token.Pos) int {
		i, _ := slices.BinarySearchFunc(deleted, pos, func(s span, p token.Pos) int {
			if s.end <= p {
				return -1
			}
			if s.pos > p {
				return 1
			}
			return 0
		})
		if i < len(deleted) && deleted[i].pos <= pos && pos < deleted[i].end {
			return deleted[i].rw
		}
		return -1
	}

	out := map[int][]*ast.ImportSpec{}
	for spec, uses := range importUses(ip.pass.TypesInfo, ip.file, func(pos token.Pos) bool { return deleter(pos) >= 0 }) {
		pn := importedName(ip.pass.TypesInfo, spec)
		if written[pn.Imported()] && pn.Name() != "." {
			continue
		}
		var by []int
		kept := false
		for _, pos := range uses {
			if rw := deleter(pos); rw < 0 {
				kept = true
				break
			} else {
				by = append(by, rw)
			}
		}
		if kept || len(by) == 0 {
			continue
		}
		slices.Sort(by)
		for _, rw := range slices.Compact(by) {
			out[rw] = append(out[rw], spec)
		}
	}
	for _, specs := range out {
		slices.SortFunc(specs, func(a, b *ast.ImportSpec) int { return cmp.Compare(a.Pos(), b.Pos()) })
	}
	return out
}

func importedName(info *types.Info, spec *ast.ImportSpec) *types.PkgName {
	obj := info.Implicits[spec]
	if spec.Name != nil {
		obj = info.Defs[spec.Name]
	}
	pn, _ := obj.(*types.PkgName)
	return pn
}

// importUses maps each named or dot import of the file to the positions of
// the references made through it: qualified identifiers for a named
// import, unqualified package-level names for a dot import. With deleted,
// an import's list ends at its first use that deleted does not cover (the
// import stays), and the walk ends once every import has one.
func importUses(info *types.Info, file *ast.File, deleted func(token.Pos) bool) map[*ast.ImportSpec][]token.Pos {
	named := map[*types.PkgName]*ast.ImportSpec{}
	names := map[string]bool{} // the names named imports take in the file
	dots := map[*types.Package]*ast.ImportSpec{}
	uses := map[*ast.ImportSpec][]token.Pos{}
	for _, spec := range file.Imports {
		pn := importedName(info, spec)
		switch {
		case pn == nil || pn.Name() == "_":
		case pn.Name() == ".":
			dots[pn.Imported()] = spec
			uses[spec] = nil
		default:
			named[pn] = spec
			names[pn.Name()] = true
			uses[spec] = nil
		}
	}
	open := len(uses) // imports without a use that stays
	stays := map[*ast.ImportSpec]bool{}
	use := func(spec *ast.ImportSpec, pos token.Pos) {
		if stays[spec] {
			return
		}
		uses[spec] = append(uses[spec], pos)
		if deleted != nil && !deleted(pos) {
			stays[spec] = true
			open--
		}
	}
	dotUse := func(id *ast.Ident) {
		if obj := info.Uses[id]; obj != nil && obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() {
			if spec, ok := dots[obj.Pkg()]; ok {
				use(spec, id.Pos())
			}
		}
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if open == 0 {
			return false
		}
		switch n := n.(type) {
		case *ast.ImportSpec:
			return false
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok {
				// Only an identifier spelled as an import's name can refer
				// to it: skip the look-up for the rest (x.Method).
				var pn *types.PkgName
				if names[id.Name] {
					pn, _ = info.Uses[id].(*types.PkgName)
				}
				if pn != nil {
					if spec, ok := named[pn]; ok {
						use(spec, id.Pos())
					}
				} else if len(dots) > 0 {
					dotUse(id)
				}
			} else {
				ast.Inspect(n.X, visit)
			}
			return false // n.Sel is a member, not a reference through an import
		case *ast.Ident:
			if len(dots) > 0 {
				dotUse(n)
			}
		}
		return true
	}
	ast.Inspect(file, visit)
	return uses
}
