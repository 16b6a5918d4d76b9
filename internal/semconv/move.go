package semconv

import (
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"slices"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/rules"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// The plan of one import's move to the -semconv-version target: what
// each name the file uses becomes, or why the import cannot move
// (semconvversion.go reports it).

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
func (st *checker) planMove(file *ast.File, spec *ast.ImportSpec, from, sub, otel string) *move {
	to := st.target
	mv := &move{from: from, to: to, sub: sub, renames: map[*ast.Ident]string{}}
	mv.checkOtel(otel)
	if !mv.movableImport(st.pass.TypesInfo, spec) {
		return mv
	}
	uses := mv.usesOf(file, st.pass.TypesInfo)
	// A file that imports the target too gets its name at the uses, and
	// loses the old import; any other gets the old import's path changed.
	mv.into = st.targetImport(file, mv.qualifiers, to)
	mv.compare(uses, st.migrate)
	slices.Sort(mv.renamed)
	return mv
}

func (mv *move) block(format string, args ...any) {
	mv.blockers = append(mv.blockers, fmt.Sprintf(format, args...))
}

// checkOtel blocks a move to a version the module's otel lacks.
func (mv *move) checkOtel(otel string) {
	switch {
	case otel == "":
		mv.block("the go.opentelemetry.io/otel version of the module is unknown (no go.mod), so whether it has semconv %s is too", mv.to)
	case !slices.Contains(semconvtab.VersionsIn(otel), mv.to):
		first, _ := semconvtab.FirstOtel(mv.to)
		mv.block("go.opentelemetry.io/otel %s, which the module requires, has no semconv %s (it needs otel %s or newer)", otel, mv.to, first)
	}
}

// movableImport notes the import's name (pn) and reports whether its uses
// can move; if not, the reason is among the blockers (none for a blank
// import).
func (mv *move) movableImport(info *types.Info, spec *ast.ImportSpec) bool {
	if mv.sub != "" {
		mv.block("it is a subpackage (%s), whose names spanattrlint does not know", mv.sub)
		return false
	}
	if _, ok := semconvtab.NameIn(mv.from, "SchemaURL"); !ok {
		mv.block("spanattrlint does not know the names of semconv %s", mv.from)
		return false
	}
	mv.pn = importedName(info, spec)
	if mv.pn == nil {
		mv.block("the import does not type-check")
		return false
	}
	switch mv.pn.Name() {
	case ".":
		mv.block("it is a dot import, whose names could collide with the file's")
		return false
	case "_":
		return false
	}
	return true
}

// usesOf returns every use of the import in file, by name, and notes the
// import's name at each (qualifiers).
func (mv *move) usesOf(file *ast.File, info *types.Info) map[string][]*ast.Ident {
	uses := map[string][]*ast.Ident{}
	ast.Inspect(file, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && info.Uses[id] == mv.pn {
			uses[sel.Sel.Name] = append(uses[sel.Sel.Name], sel.Sel)
			mv.qualifiers = append(mv.qualifiers, id)
		}
		return true
	})
	return uses
}

// compare decides, name by name, what each use becomes in the target
// version: the same name, a rename of the same meaning, a renamed key's
// name (with migrate), or a blocker.
func (mv *move) compare(uses map[string][]*ast.Ident, migrate bool) {
	from, to := mv.from, mv.to
	var missing, changed, unchecked, renamedKeys []string
	for _, n := range slices.Sorted(maps.Keys(uses)) {
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
			if migrate {
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
	mv.blockNames(renamedKeys, missing, changed, unchecked)
}

func (mv *move) blockNames(renamedKeys, missing, changed, unchecked []string) {
	to := mv.to
	if len(renamedKeys) > 0 {
		mv.block("in %s %s, %s (-migrate-deprecated rewrites %s)", to, strings.Join(renamedKeys, ", "),
			plural(len(renamedKeys), "a renamed key that changes the telemetry", "renamed keys that change the telemetry"),
			plural(len(renamedKeys), "it", "them"))
	}
	if len(missing) > 0 {
		mv.block("%s %s no counterpart in %s", strings.Join(missing, ", "), plural(len(missing), "has", "have"), to)
	}
	if len(changed) > 0 {
		mv.block("%s %s something else in %s", strings.Join(changed, ", "), plural(len(changed), "means", "mean"), to)
	}
	if len(unchecked) > 0 {
		mv.block("%s cannot be checked to behave the same in %s (%s the package's own code)", strings.Join(unchecked, ", "), to, plural(len(unchecked), "it calls", "they call"))
	}
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
	d, ok := rules.Deprecation(old.Key)
	if !ok || d.Reason != "renamed" {
		return "", ""
	}
	renamed := old
	renamed.Key = d.RenamedTo
	return sameMeaning(version, renamed), d.RenamedTo
}
