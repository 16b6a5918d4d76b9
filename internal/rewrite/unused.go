package rewrite

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// unusedAfter finds the imports of the file that no reference would use
// once all the rewrites are applied, and returns, per rewrite, those whose
// references it deletes: each such fix removes the import, and identical
// removals from several fixes merge into one.
func (ip *Plan) unusedAfter(rewrites []Rewrite) map[int][]*ast.ImportSpec {
	type span struct {
		pos, end token.Pos
		rw       int
	}
	var deleted []span
	written := map[*types.Package]bool{}
	for i, rw := range rewrites {
		for _, e := range rw.Edits {
			deleted = append(deleted, span{e.Pos, e.End, i})
		}
		for _, pkg := range rw.Writes {
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
	for spec, uses := range importUses(ip.info, ip.file, func(pos token.Pos) bool { return deleter(pos) >= 0 }) {
		pn := ImportedName(ip.info, spec)
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
		pn := ImportedName(info, spec)
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
