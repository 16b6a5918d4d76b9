package analyzer

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
	"github.com/spanattrlint/spanattrlint/internal/check"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
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

// semconvPkgName is the package name of every semconv/vX.Y.Z package, as
// the generator of semconvtab's names table checks.
const semconvPkgName = "semconv"

// validSemconvVersion checks -semconv-version: a version whose names the
// tables hold.
func validSemconvVersion(v string) error {
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

// semconvImport splits a semconv import path into its version and the
// path of a subpackage under it ("httpconv"), or reports false.
func semconvImport(path string) (version, sub string, ok bool) {
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

// checkVersions reports, with -semconv-version, every import of
// another semconv version, with the fix that moves it where it can.
func (st *passState) checkVersions(fs *findings) {
	target := st.cfg.SemconvVersion
	if target == "" {
		return
	}
	pass := st.pass
	otel := ""
	otelKnown := false
	for _, file := range pass.Files {
		var specs []*ast.ImportSpec
		var moves []*move
		for _, spec := range file.Imports {
			version, sub, ok := semconvImport(importPath(spec))
			if !ok || version == target || st.sup.Suppressed(file, spec.Pos()) {
				continue
			}
			if !otelKnown {
				otel, otelKnown = st.moduleOtel(st.dir), true
			}
			specs = append(specs, spec)
			moves = append(moves, st.planMove(file, spec, version, sub, otel))
		}
		st.combineMoves(file, specs, moves)
		for i, spec := range specs {
			st.reportMove(fs, file, spec, moves[i])
		}
	}
	st.withdrawOtherVersions(fs)
}

// withdrawOtherVersions keeps fixes from adding an import of a semconv
// version other than the target to a file, since the module is moving off
// it: a finding whose best constant is such a version's gets the target's
// constant of the same name and value where it has one (the candidates
// hold every imported version's), else no fix. A file that keeps its old
// import may still get that version's constants.
func (st *passState) withdrawOtherVersions(fs *findings) {
	target := semconvtab.BasePath + "/" + st.cfg.SemconvVersion
	for f := range fs.all() {
		c := f.fixConst()
		if !f.wantsFix() || c == nil || !otelapi.IsSemconv(c.Pkg().Path()) || c.Pkg().Path() == target ||
			slices.ContainsFunc(f.file.Imports, func(s *ast.ImportSpec) bool { return importPath(s) == c.Pkg().Path() }) {
			continue
		}
		j := slices.IndexFunc(f.cands, func(o candidate) bool {
			return o.fixable() && o.obj.Pkg().Path() == target && o.obj.Name() == c.Name()
		})
		if j < 0 {
			f.noFix = true
			continue
		}
		best := f.cands[j]
		f.cands = slices.Insert(slices.Delete(f.cands, j, j+1), 0, best)
	}
}

// combineMoves makes one fix of the moves of a file that imports several
// old versions and not the target: the first movable import gets the
// target's path, the others are deleted and their uses written with its
// name, so that the file ends with one import of the target (two would
// each want the other's place in gofmt's order). Then it decides whether
// each path rewrite leaves its import group sorted.
func (st *passState) combineMoves(file *ast.File, specs []*ast.ImportSpec, moves []*move) {
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

// A move is what the fix of one import of an old version does, or why
// there is none.
type move struct {
	from, to string
	sub      string
	blockers []string              // why there is no fix
	renames  map[*ast.Ident]string // uses to rename: the target's name
	renamed  []string              // "Old → New" for the message, sorted
	migrates bool                  // some rename changes the telemetry

	qualifiers []*ast.Ident   // the old import's name at its uses
	into       *types.PkgName // the file's import of the target, which the uses move to
	pn         *types.PkgName // the old import's name

	// A file's several old imports move as one (combineMoves).
	spec       *ast.ImportSpec // this import, when absorbed
	absorbs    []*move         // the file's other old imports, which this move deletes
	mergedInto *ast.ImportSpec // the import whose fix moves this one
}

// planMove decides the fix for spec, an import of semconv version from
// (or of its subpackage sub) in file.
func (st *passState) planMove(file *ast.File, spec *ast.ImportSpec, from, sub, otel string) *move {
	to := st.cfg.SemconvVersion
	mv := &move{from: from, to: to, sub: sub, renames: map[*ast.Ident]string{}}
	block := func(format string, args ...any) { mv.blockers = append(mv.blockers, fmt.Sprintf(format, args...)) }
	switch {
	case otel == "":
		block("the go.opentelemetry.io/otel version of the module is unknown (no go.mod), so whether it has semconv %s is too", to)
	case !slices.Contains(semconvtab.VersionsIn(otel), to):
		first, _ := semconvtab.FirstOtel(to)
		block("go.opentelemetry.io/otel %s, which the module requires, has no semconv %s (it needs otel %s or newer)", otel, to, first)
	}
	if sub != "" {
		block("it is a subpackage (%s), whose names spanattrlint does not know", sub)
		return mv
	}
	if _, ok := semconvtab.NameIn(from, "SchemaURL"); !ok {
		block("spanattrlint does not know the names of semconv %s", from)
		return mv
	}
	pn := importedName(st.pass.TypesInfo, spec)
	if pn == nil {
		block("the import does not type-check")
		return mv
	}
	mv.pn = pn
	switch pn.Name() {
	case ".":
		block("it is a dot import, whose names could collide with the file's")
		return mv
	case "_":
		return mv
	}
	// Every use of the import, by name.
	uses := map[string][]*ast.Ident{}
	ast.Inspect(file, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && st.pass.TypesInfo.Uses[id] == pn {
			uses[sel.Sel.Name] = append(uses[sel.Sel.Name], sel.Sel)
			mv.qualifiers = append(mv.qualifiers, id)
		}
		return true
	})
	// A file that imports the target too gets its name at the uses, and
	// loses the old import; any other gets the old import's path changed.
	mv.into = st.targetImport(file, mv.qualifiers, to)
	names := make([]string, 0, len(uses))
	for n := range uses {
		names = append(names, n)
	}
	slices.Sort(names)
	var missing, changed, unchecked, renamedKeys []string
	for _, n := range names {
		old, ok := semconvtab.NameIn(from, n)
		if !ok {
			missing = append(missing, n) // an out-of-date table: never with the pinned otel
			continue
		}
		now, ok := semconvtab.NameIn(to, n)
		if ok && now == old {
			if old.Kind == semconvtab.KindOther && (old.Value == "func" || old.Value == "var") {
				unchecked = append(unchecked, n)
			}
			continue
		}
		if alt := sameMeaning(to, old); alt != "" && !(ok && now.Name == alt) {
			mv.rename(uses[n], n, alt, false)
			continue
		}
		if alt, newKey := renamedIn(to, old); alt != "" {
			if st.cfg.MigrateDeprecated {
				mv.rename(uses[n], n, alt, true)
			} else {
				renamedKeys = append(renamedKeys, fmt.Sprintf("%s (%q) is %s (%q)", n, old.Key, alt, newKey))
			}
			continue
		}
		if n == "SchemaURL" && old.Kind == semconvtab.KindString && ok && now.Kind == old.Kind {
			continue // the schema URL is meant to follow the version
		}
		if ok {
			changed = append(changed, n)
		} else {
			missing = append(missing, n)
		}
	}
	if len(renamedKeys) > 0 {
		block("in %s %s, %s (-migrate-deprecated rewrites %s)", to, strings.Join(renamedKeys, ", "),
			plural(len(renamedKeys), "a renamed key that changes the telemetry", "renamed keys that change the telemetry"),
			plural(len(renamedKeys), "it", "them"))
	}
	if len(missing) > 0 {
		block("%s %s no counterpart in %s", strings.Join(missing, ", "), plural(len(missing), "has", "have"), to)
	}
	if len(changed) > 0 {
		block("%s %s something else in %s", strings.Join(changed, ", "), plural(len(changed), "means", "mean"), to)
	}
	if len(unchecked) > 0 {
		block("%s cannot be checked to behave the same in %s (%s the package's own code)", strings.Join(unchecked, ", "), to, plural(len(unchecked), "it calls", "they call"))
	}
	slices.Sort(mv.renamed)
	return mv
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func (mv *move) rename(ids []*ast.Ident, from, to string, migrates bool) {
	for _, id := range ids {
		mv.renames[id] = to
	}
	mv.renamed = append(mv.renamed, from+" → "+to)
	mv.migrates = mv.migrates || migrates
}

// sameMeaning returns the name that has old's meaning in version, under
// another Go name ("" if none): the constant of the same key, the member of
// the same key and value, the helper of the same key and parameter type;
// for a helper the version lacks, the attribute.Key method that does what
// it did ("HTTPRequestMethodKey.String": a call and a method value alike).
func sameMeaning(version string, old semconvtab.Name) string {
	var alt string
	var ok bool
	switch old.Kind {
	case semconvtab.KindKey:
		alt, ok = semconvtab.KeyIn(version, old.Key)
	case semconvtab.KindMember:
		alt, ok = semconvtab.MemberIn(version, old.Key, old.Value)
	case semconvtab.KindHelper:
		alt, ok = semconvtab.HelperIn(version, old.Key)
	}
	if ok {
		if n, _ := semconvtab.NameIn(version, alt); n.Kind == old.Kind && n.Key == old.Key && n.Value == old.Value && n.Type == old.Type {
			return alt
		}
	}
	if m, isMethod := helperMethods[old.Type]; old.Kind == semconvtab.KindHelper && isMethod {
		if k, ok := semconvtab.KeyIn(version, old.Key); ok {
			return k + "." + m
		}
	}
	return ""
}

// helperMethods maps a one-value helper's parameter type to the
// attribute.Key method it calls (the generator's keyMethods, reversed); a
// variadic helper has none that takes its arguments as they are.
var helperMethods = map[string]string{
	"bool": "Bool", "[]bool": "BoolSlice",
	"int": "Int", "[]int": "IntSlice",
	"int64": "Int64", "[]int64": "Int64Slice",
	"float64": "Float64", "[]float64": "Float64Slice",
	"string": "String", "[]string": "StringSlice",
}

// renamedIn returns the name in version of what old names under the key
// that the semantic conventions renamed old's key to, and that key.
func renamedIn(version string, old semconvtab.Name) (alt, newKey string) {
	if old.Key == "" {
		return "", ""
	}
	d, ok := check.Deprecation(old.Key)
	if !ok || d.Reason != "renamed" {
		return "", ""
	}
	renamed := old
	renamed.Key = d.RenamedTo
	return sameMeaning(version, renamed), d.RenamedTo
}

// sortedAfterMove reports whether spec's import group stays sorted, as
// gofmt sorts it (by path, then name), with spec's path replaced by path
// and the gone imports deleted.
func (st *passState) sortedAfterMove(file *ast.File, spec *ast.ImportSpec, path string, gone map[*ast.ImportSpec]bool) bool {
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
func (st *passState) targetImport(file *ast.File, uses []*ast.Ident, target string) *types.PkgName {
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
func (st *passState) reportMove(fs *findings, file *ast.File, spec *ast.ImportSpec, mv *move) {
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
		if pn := importedName(st.pass.TypesInfo, spec); spec.Name == nil && pn != nil && pn.Name() != semconvPkgName {
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
		st.withdrawSemconvFixes(fs, file, importedName(st.pass.TypesInfo, spec))
	}
	st.pass.Report(d)
}

// withdrawSemconvFixes takes the fix from every other finding of file
// whose fix writes a semconv package or rewrites a use of the moved
// import pn.
func (st *passState) withdrawSemconvFixes(fs *findings, file *ast.File, pn *types.PkgName) {
	plain := func(pkg *types.Package, name string) string { return pkg.Name() + "." + name }
	for f := range fs.all() {
		if f.file != file || !f.wantsFix() {
			continue
		}
		if sel, ok := f.site.Expr.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && st.pass.TypesInfo.Uses[id] == pn {
				f.noFix = true
				continue
			}
		}
		for _, pkg := range shape(st.api, f, f.fixConst(), plain).writes {
			if otelapi.IsSemconv(pkg.Path()) {
				f.noFix = true
			}
		}
	}
}
