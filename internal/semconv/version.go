package semconv

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/rewrite"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// -semconv-version: one semconv package version per module. Every import
// of another version is reported; the fix rewrites the import path when
// every name the file uses from the old version means the same in the
// target (semconvtab.NameIn: same kind, key, value and type), so that the
// file still builds and sends the same telemetry. A name the target has
// under another Go name with the same meaning is renamed; a name whose key
// the conventions renamed is rewritten to the new key's name only with
// -migrate-deprecated; anything else (no counterpart, another meaning, a
// function whose behaviour cannot be compared) leaves the file as it is,
// and the report names it.

// PkgName is the package name of every semconv/vX.Y.Z package, as
// the generator of semconvtab's names table checks.
const PkgName = "semconv"

// ValidVersion checks -semconv-version: a version whose names the
// tables hold.
func ValidVersion(v string) error {
	if v == "" || slices.Contains(semconvtab.Versions(), v) {
		return nil
	}
	vs := semconvtab.Versions()
	// 1.26, v1.26, 1.26.0: the version, as the package path spells it.
	guess := "v" + strings.TrimPrefix(v, "v")
	if strings.Count(guess, ".") == 1 {
		guess += ".0"
	}
	if guess != v && slices.Contains(vs, guess) {
		return fmt.Errorf("-semconv-version: %q is not a semconv package version: did you mean %s?", v, guess)
	}
	return fmt.Errorf("-semconv-version: %q is not a semconv package version that spanattrlint knows (want one of %s, from %s to %s)",
		v, semconvtab.BasePath+"/vX.Y.Z", vs[0], vs[len(vs)-1])
}

// ImportVersion splits a semconv import path into its version and the
// path of a subpackage under it ("httpconv"), or reports false.
func ImportVersion(path string) (version, sub string, ok bool) {
	rest, ok := strings.CutPrefix(path, semconvtab.BasePath+"/")
	if !ok {
		return "", "", false
	}
	version, sub, _ = strings.Cut(rest, "/")
	if !strings.HasPrefix(version, "v") {
		return "", "", false
	}
	return version, sub, true
}

// CheckVersions reports, with -semconv-version (in.Target), every import
// of another semconv version, with the fix that moves it where it can, and
// returns the imports whose fix it offers.
func CheckVersions(in Input) []Moved {
	st := newChecker(in)
	target := st.target
	if target == "" {
		return nil
	}
	pass := st.pass
	otel := ""
	otelKnown := false
	for _, file := range pass.Files {
		var specs []*ast.ImportSpec
		var moves []*move
		for _, spec := range file.Imports {
			version, sub, ok := ImportVersion(importPath(spec))
			if !ok || version == target || st.sup.Suppressed(file, spec.Pos()) {
				continue
			}
			if !otelKnown {
				otel, otelKnown = st.otel(), true
			}
			specs = append(specs, spec)
			moves = append(moves, st.planMove(file, spec, version, sub, otel))
		}
		st.combineMoves(file, specs, moves)
		for i, spec := range specs {
			st.reportMove(file, spec, moves[i])
		}
	}
	return st.moved
}

// combineMoves makes one fix of the moves of a file that imports several
// old versions and not the target: the first movable import gets the
// target's path, the others are deleted and their uses written with its
// name, so that the file ends with one import of the target (two would
// each want the other's place in gofmt's order). Then it decides whether
// each path rewrite leaves its import group sorted.
func (st *checker) combineMoves(file *ast.File, specs []*ast.ImportSpec, moves []*move) {
	movable := func(mv *move) bool {
		return len(mv.blockers) == 0 && mv.into == nil && mv.pn != nil && mv.pn.Name() != "_"
	}
	// The primary is the first movable import without a name of its own
	// (the file then says semconv.X), else the first movable one.
	primary := -1
	for i, mv := range moves {
		if movable(mv) && (primary < 0 || specs[primary].Name != nil && specs[i].Name == nil) {
			primary = i
		}
	}
	for i, mv := range moves {
		if i == primary || primary < 0 || !movable(mv) {
			continue
		}
		p := moves[primary]
		ip := newImportPlan(st.pass, file)
		pos := make([]token.Pos, len(mv.qualifiers))
		for j, id := range mv.qualifiers {
			pos[j] = id.Pos()
		}
		if ip.VisibleAt(p.pn.Name(), pos, p.pn) {
			mv.mergedInto, mv.spec = specs[primary], specs[i]
			p.absorbs = append(p.absorbs, mv)
		}
	}
	// Blank imports of old versions go too, where another import moves.
	if primary >= 0 {
		for i, mv := range moves {
			if len(mv.blockers) == 0 && mv.into == nil && mv.pn != nil && mv.pn.Name() == "_" {
				mv.mergedInto, mv.spec = specs[primary], specs[i]
				moves[primary].absorbs = append(moves[primary].absorbs, mv)
			}
		}
	}
	for i, mv := range moves {
		if len(mv.blockers) > 0 || mv.into != nil || mv.mergedInto != nil {
			continue
		}
		gone := map[*ast.ImportSpec]bool{}
		for _, a := range mv.absorbs {
			gone[a.spec] = true
		}
		if !st.sortedAfterMove(file, specs[i], semconvtab.BasePath+"/"+mv.to, gone) {
			mv.blockers = append(mv.blockers, "the new path would leave the import group unsorted")
			for _, a := range mv.absorbs {
				a.mergedInto = nil // reported on their own, without a fix
				a.blockers = append(a.blockers, "the move of the file's other old import would leave the import group unsorted")
			}
			mv.absorbs = nil
		}
	}
}

// sortedAfterMove reports whether spec's import group stays sorted, as
// gofmt sorts it (by path, then name), with spec's path replaced by path
// and the gone imports deleted.
func (st *checker) sortedAfterMove(file *ast.File, spec *ast.ImportSpec, path string, gone map[*ast.ImportSpec]bool) bool {
	name := func(s *ast.ImportSpec) string {
		if s.Name != nil {
			return s.Name.Name
		}
		return ""
	}
	key := func(s *ast.ImportSpec) [2]string {
		if s == spec {
			return [2]string{path, name(s)}
		}
		return [2]string{importPath(s), name(s)}
	}
	less := func(a, b [2]string) bool { return a[0] < b[0] || a[0] == b[0] && a[1] < b[1] }
	ip := newImportPlan(st.pass, file)
	for _, g := range ip.Groups(spec) {
		g = slices.DeleteFunc(slices.Clone(g), func(s *ast.ImportSpec) bool { return gone[s] })
		i := slices.Index(g, spec)
		if i < 0 {
			continue
		}
		if i > 0 && less(key(spec), key(g[i-1])) || i+1 < len(g) && less(key(g[i+1]), key(spec)) {
			return false
		}
	}
	return true
}

// targetImport returns the file's import of the target version under a
// name visible at every use of the old import, if any: the fix then
// writes that name at the uses and deletes the old import.
func (st *checker) targetImport(file *ast.File, uses []*ast.Ident, target string) *types.PkgName {
	ip := newImportPlan(st.pass, file)
	for _, s := range file.Imports {
		if importPath(s) != semconvtab.BasePath+"/"+target {
			continue
		}
		pn := importedName(st.pass.TypesInfo, s)
		if pn == nil || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		pos := make([]token.Pos, len(uses))
		for i, id := range uses {
			pos[i] = id.Pos()
		}
		if ip.VisibleAt(pn.Name(), pos, pn) {
			return pn
		}
	}
	return nil
}

// reportMove reports the import, with the fix where the move has none of
// its blockers, and withdraws the fixes of the file's other findings that
// would write a semconv package (or rewrite a use of the old one), which
// the move would break: they are fixed by the next run.
func (st *checker) reportMove(file *ast.File, spec *ast.ImportSpec, mv *move) {
	what := "semconv " + mv.from
	if mv.sub != "" {
		what += " (" + importPath(spec) + ")"
	}
	msg := fmt.Sprintf("%s is imported here, but this module uses %s (-semconv-version)", what, mv.to)
	d := analysis.Diagnostic{Pos: spec.Path.Pos(), End: spec.Path.End(), Category: string(category.SemconvVersion)}
	if len(mv.blockers) > 0 {
		d.Message = msg + "; no fix: " + strings.Join(mv.blockers, "; ")
		st.pass.Report(d)
		return
	}
	if mv.mergedInto != nil {
		line := st.pass.Fset.Position(mv.mergedInto.Pos()).Line
		d.Message = fmt.Sprintf("%s; the fix of the import on line %d moves it too", msg, line)
		st.pass.Report(d)
		return
	}
	d.Message = msg
	var edits []analysis.TextEdit
	if len(mv.absorbs) > 0 {
		ip := newImportPlan(st.pass, file)
		for _, a := range mv.absorbs {
			ip.MarkRemoved(a.spec)
		}
		for _, a := range mv.absorbs {
			edits = append(edits, ip.RemoveEdit(a.spec))
			for _, id := range a.qualifiers {
				edits = append(edits, analysis.TextEdit{Pos: id.Pos(), End: id.End(), NewText: []byte(mv.pn.Name())})
			}
			for id, name := range a.renames {
				edits = append(edits, analysis.TextEdit{Pos: id.Pos(), End: id.End(), NewText: []byte(name)})
			}
			mv.renamed = append(mv.renamed, a.renamed...)
			mv.migrates = mv.migrates || a.migrates
		}
		slices.Sort(mv.renamed)
	}
	if mv.into != nil {
		ip := newImportPlan(st.pass, file)
		ip.MarkRemoved(spec)
		edits = append(edits, ip.RemoveEdit(spec))
		for _, id := range mv.qualifiers {
			edits = append(edits, analysis.TextEdit{Pos: id.Pos(), End: id.End(), NewText: []byte(mv.into.Name())})
		}
	} else {
		text := strconv.Quote(semconvtab.BasePath + "/" + mv.to)
		if pn := importedName(st.pass.TypesInfo, spec); spec.Name == nil && pn != nil && pn.Name() != PkgName {
			text = pn.Name() + " " + text // keep the name the file uses
		}
		edits = append(edits, analysis.TextEdit{Pos: spec.Path.Pos(), End: spec.Path.End(), NewText: []byte(text)})
	}
	for id, name := range mv.renames {
		edits = append(edits, analysis.TextEdit{Pos: id.Pos(), End: id.End(), NewText: []byte(name)})
	}
	fixMsg := "Import semconv " + mv.to
	if len(mv.renamed) > 0 {
		fixMsg += ", renaming " + strings.Join(mv.renamed, ", ")
		if mv.migrates {
			fixMsg += " (changes the telemetry: -migrate-deprecated)"
		}
	}
	if edits, ok := rewrite.Disjoint(edits); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: fixMsg, TextEdits: edits}}
		st.moved = append(st.moved, Moved{File: file, Import: importedName(st.pass.TypesInfo, spec)})
	}
	st.pass.Report(d)
}
