package rewrite

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// A Rewrite is the text one fix writes: edits (replacements or deletions)
// around the expression it rewrites, and the packages whose qualifier the
// edits' text writes (as Qualify wrote it). Whatever the edits delete
// (references through an import, say) is gone from the fixed file. A
// Rewrite without edits is a finding without a fix.
type Rewrite struct {
	Pos, End token.Pos // the expression the fix rewrites
	Edits    []analysis.TextEdit
	Writes   []*types.Package
}

// A Fix is what becomes of one rewrite of the file.
type Fix struct {
	// Edits are the rewrite's edits with those of the imports it adds and
	// removes, sorted and disjoint; nil where there is no fix: the rewrite
	// had none, it overlaps another rewrite, or its edits would overlap.
	Edits []analysis.TextEdit
	// Nested: the rewrite lies within another's expression, whose fix
	// rewrites it too (the literal of attribute.Key("k") inside
	// attribute.String(string(attribute.Key("k")), v)); a finding with a
	// nested rewrite is best not reported, so that one run of the fixes
	// leaves nothing to fix.
	Nested bool
}

// Fixes turns the rewrites of the file into their fixes, one per rewrite,
// in order: each fix adds the imports its rewrite writes that Decide added
// and removes the imports that no reference uses once all the rewrites are
// applied, where its rewrite deletes their references. Two fixes that add,
// or remove, the same import carry identical edits, which drivers apply
// once. Call it once per plan, after every Decide.
func (ip *Plan) Fixes(rewrites []Rewrite) []Fix {
	rewrites = slices.Clone(rewrites)
	nested := overlapping(rewrites)
	removals := ip.unusedAfter(rewrites)
	for _, specs := range removals {
		ip.MarkRemoved(specs...)
	}
	fixes := make([]Fix, len(rewrites))
	for i, rw := range rewrites {
		if nested[i] {
			fixes[i].Nested = true
			continue
		}
		fixes[i].Edits = ip.fixEdits(rw, removals[i])
	}
	return fixes
}

// fixEdits is the fix of rw: its edits, the imports it adds, and those it
// removes; nil where rw has no edits or they would overlap.
func (ip *Plan) fixEdits(rw Rewrite, removals []*ast.ImportSpec) []analysis.TextEdit {
	if rw.Edits == nil {
		return nil
	}
	edits := slices.Clone(rw.Edits)
	added := map[*types.Package]bool{}
	for _, pkg := range rw.Writes {
		if _, ok := ip.added[pkg]; ok && !added[pkg] {
			added[pkg] = true
			edits = append(edits, ip.addEdit(pkg))
		}
	}
	for _, spec := range removals {
		edits = append(edits, ip.RemoveEdit(spec))
	}
	if edits, ok := Disjoint(edits); ok {
		return edits
	}
	return nil
}

// overlapping finds the rewrites whose edits overlap another's: one inside
// another's expression, which the outer one's fix rewrites too (the
// returned set); any other overlap loses its edits, the later one. Overlap
// is only ever between nested expressions of one call, so the sweep over
// the edits in order of position finds it. The rewrites that lose their
// fix are cleared in rewrites.
func overlapping(rewrites []Rewrite) map[int]bool {
	type span struct {
		pos, end token.Pos
		i        int
	}
	var spans []span
	for i, rw := range rewrites {
		for _, e := range rw.Edits {
			spans = append(spans, span{e.Pos, e.End, i})
		}
	}
	slices.SortStableFunc(spans, func(a, b span) int { return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(b.end, a.end)) })
	var drop map[int]bool
	lost := func(i int) bool { return drop[i] || rewrites[i].Edits == nil }
	end, owner := token.NoPos, -1
	for _, s := range spans {
		if lost(s.i) {
			continue
		}
		if owner >= 0 && s.i != owner && s.pos < end {
			if drop == nil {
				drop = map[int]bool{}
			}
			outer, inner := rewrites[owner], rewrites[s.i]
			if outer.Pos <= inner.Pos && inner.End <= outer.End {
				drop[s.i] = true
			}
			rewrites[s.i] = Rewrite{}
			continue
		}
		if s.end > end || owner < 0 {
			end, owner = s.end, s.i
		}
	}
	return drop
}

// Disjoint sorts a fix's edits, keeps one of identical edits (two imports
// that leave the same whole declaration) and reports whether none overlaps
// another (an insertion may touch a deletion at either end): where one
// does, the fix is best dropped rather than handed to a driver that
// rejects it.
func Disjoint(edits []analysis.TextEdit) ([]analysis.TextEdit, bool) {
	slices.SortStableFunc(edits, func(a, b analysis.TextEdit) int {
		return cmp.Or(cmp.Compare(a.Pos, b.Pos), cmp.Compare(a.End, b.End))
	})
	edits = slices.CompactFunc(edits, func(a, b analysis.TextEdit) bool {
		return a.Pos == b.Pos && a.End == b.End && string(a.NewText) == string(b.NewText)
	})
	for i := 1; i < len(edits); i++ {
		if edits[i-1].End > edits[i].Pos {
			return edits, false
		}
	}
	return edits, true
}
