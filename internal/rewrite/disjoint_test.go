package rewrite

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestDisjoint: the last check on a fix keeps one of identical edits
// (imports that leave the same whole declaration), lets an insertion touch
// a deletion at either end, and rejects any overlap, so that a fix the
// driver would reject (with a panic) is never reported.
func TestDisjoint(t *testing.T) {
	t.Parallel()
	del := func(pos, end token.Pos) analysis.TextEdit { return analysis.TextEdit{Pos: pos, End: end} }
	ins := func(pos token.Pos, text string) analysis.TextEdit {
		return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
	}
	for _, tc := range []struct {
		name  string
		edits []analysis.TextEdit
		ok    bool
		n     int // edits kept
	}{
		{"identical removals count once", []analysis.TextEdit{del(10, 20), ins(30, "x"), del(10, 20)}, true, 2},
		{"insertion at a deletion's start", []analysis.TextEdit{del(10, 20), ins(10, "x")}, true, 2},
		{"insertion at a deletion's end", []analysis.TextEdit{ins(20, "x"), del(10, 20)}, true, 2},
		{"insertion inside a deletion", []analysis.TextEdit{del(10, 20), ins(15, "x")}, false, 2},
		{"overlapping deletions", []analysis.TextEdit{del(10, 20), del(19, 25)}, false, 2},
		{"two insertions at one point", []analysis.TextEdit{ins(5, "a"), ins(5, "b")}, true, 2},
	} {
		got, ok := Disjoint(tc.edits)
		if ok != tc.ok || len(got) != tc.n {
			t.Errorf("%s: ok=%v with %d edits, want ok=%v with %d", tc.name, ok, len(got), tc.ok, tc.n)
		}
		for i := 1; ok && i < len(got); i++ {
			if got[i-1].Pos > got[i].Pos {
				t.Errorf("%s: not sorted: %v", tc.name, got)
			}
		}
	}
}
