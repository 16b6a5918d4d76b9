package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/pkgpath"
)

// addEdit returns the edit that adds pkg's import, keeping the imports
// sorted, grouped and gofmt-clean: into the group of its kind (standard
// library or not) among those that stay, before the first path that sorts
// after it; into a group of its own when there is none of its kind; in the
// place of the import declarations when all of them go.
func (ip *Plan) addEdit(pkg *types.Package) analysis.TextEdit {
	if e, ok := ip.adds[pkg]; ok {
		return e
	}
	e := ip.buildAdd(pkg)
	ip.adds[pkg] = e
	return e
}

func (ip *Plan) buildAdd(pkg *types.Package) analysis.TextEdit {
	name, spec := ip.addedSpec(pkg)
	block, last := ip.lastLive()
	switch {
	case last == nil:
		return ip.addFirst(spec)
	case block == nil:
		return ip.addAfterDecl(last, spec)
	default:
		return ip.addToBlock(block, pkg.Path(), name, spec)
	}
}

// addedSpec is the import spec of pkg as the plan adds it: its path,
// after the name the plan gave it where that is not the path's last
// element (name, else "").
func (ip *Plan) addedSpec(pkg *types.Package) (name, spec string) {
	name = ip.added[pkg]
	spec = strconv.Quote(pkg.Path())
	if name == path.Base(pkg.Path()) {
		return "", spec
	}
	return name, name + " " + spec
}

// lastLive returns the last import declaration that stays, and the last
// parenthesised one.
func (ip *Plan) lastLive() (block, last *ast.GenDecl) {
	for _, gd := range ip.layout().decls {
		if ip.live(gd.Specs) {
			last = gd
			if gd.Lparen.IsValid() {
				block = gd
			}
		}
	}
	return block, last
}

func insert(at token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)}
}

// addFirst adds the import to a file none of whose imports stay: in the
// place of the first declaration that goes, else after the package clause
// and its comment.
func (ip *Plan) addFirst(spec string) analysis.TextEdit {
	l := ip.layout()
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

// addAfterDecl adds the import as a declaration of its own after last, a
// declaration without parentheses.
func (ip *Plan) addAfterDecl(last *ast.GenDecl, spec string) analysis.TextEdit {
	if ip.alone(declFrom(last), declTo(last)) {
		return insert(ip.lineStart(fileLine(ip.layout().tf, declTo(last))+1), "import "+spec+"\n")
	}
	return insert(declTo(last), "\nimport "+spec)
}

// addToBlock adds the import to the parenthesised declaration block: into
// the group that chooseGroup picks, before the first import that sorts
// after it as gofmt sorts them (by path, then name: "x" before _ "x");
// else into a group of its own, the first for the standard library, the
// last for any other.
func (ip *Plan) addToBlock(block *ast.GenDecl, importPath, name, spec string) analysis.TextEdit {
	groups := ip.liveGroups(block)
	group := chooseGroup(groups, importPath)
	if group < 0 {
		if pkgpath.IsStd(importPath) {
			return ip.insertBefore(groups[0][0], "\t"+spec+"\n")
		}
		lastGroup := groups[len(groups)-1]
		return ip.insertAfter(lastGroup[len(lastGroup)-1], "\n\t"+spec)
	}
	g := groups[group]
	for _, is := range g {
		if p := ImportPath(is); p > importPath || p == importPath && specName(is) > name {
			return ip.insertBefore(is, "\t"+spec)
		}
	}
	return ip.insertAfter(g[len(g)-1], "\t"+spec)
}

// liveGroups is block's groups with only the imports that stay, and only
// the groups where one does.
func (ip *Plan) liveGroups(block *ast.GenDecl) [][]*ast.ImportSpec {
	var groups [][]*ast.ImportSpec
	for _, g := range ip.layout().groups[block] {
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
	return groups
}

// chooseGroup returns the group of importPath's kind (standard library or
// not) whose paths share the longest prefix with it
// (go.opentelemetry.io/otel/... beside the other otel imports); on a tie
// the first standard-library group, or the last other group; -1 when
// there is none of its kind.
func chooseGroup(groups [][]*ast.ImportSpec, importPath string) int {
	std := pkgpath.IsStd(importPath)
	group, best := -1, -1
	for i, g := range groups {
		if pkgpath.IsStd(ImportPath(g[0])) != std {
			continue
		}
		share := 0
		for _, is := range g {
			share = max(share, commonPrefix(ImportPath(is), importPath))
		}
		if share > best || share == best && !std {
			group, best = i, share
		}
	}
	return group
}

// insertAfter and insertBefore put a line with text after or before a
// spec: a line of its own where the spec has its line to itself, else on
// the spec's line.
func (ip *Plan) insertAfter(is *ast.ImportSpec, text string) analysis.TextEdit {
	if ip.alone(specFrom(is), specTo(is)) {
		return insert(ip.lineStart(fileLine(ip.layout().tf, specTo(is))+1), text+"\n")
	}
	return insert(specTo(is), "\n"+text)
}

func (ip *Plan) insertBefore(is *ast.ImportSpec, text string) analysis.TextEdit {
	if ip.alone(specFrom(is), specTo(is)) {
		return insert(ip.lineStart(fileLine(ip.layout().tf, specFrom(is))), text+"\n")
	}
	return insert(specFrom(is), strings.TrimPrefix(text, "\t")+"\n\t")
}

// specName is the name an import spec gives, "" for none.
func specName(is *ast.ImportSpec) string {
	if is.Name != nil {
		return is.Name.Name
	}
	return ""
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
