// Package rewrite turns the rewrites of one Go file's fixes into the text
// edits that apply them, so that the fixed file compiles and stays
// gofmt-clean: it decides how the file writes each package a rewrite
// qualifies (the file's own import name or alias where it is visible at
// every use, else a new import under a name that is free there), adds the
// imports that are missing, removes those that the rewrites leave unused,
// and lays those import edits out as gofmt and goimports would.
//
// Its inputs are the type-checked file (token.FileSet, types.Info,
// types.Package, ast.File) and the rewrites: a source range, the edits
// that replace it, and the packages whose qualifier those edits write. It
// knows nothing of what a fix means.
//
// A Plan serves one file. The order of calls is: Decide for every package
// that some fix will write (with every position where it is written), then
// Qualify to write the fixes' text, then Fixes with all the rewrites of the
// file. Lines are the file's own, whatever //line directives say.
package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// A Plan decides, for one file, how each package that its fixes refer to
// is written: the file's own import name where it is visible at every use,
// or a new import whose name is free in the file and at every use.
type Plan struct {
	fset  *token.FileSet
	info  *types.Info
	pkg   *types.Package
	file  *ast.File
	names map[*types.Package]string // qualifier, "" for the file's own package
	added map[*types.Package]string // new imports: package -> name
	taken map[string]bool           // names this plan gave to new imports

	gone     map[*ast.ImportSpec]bool // imports that some fix of the file removes
	lay      *importLayout
	removals map[*ast.ImportSpec]removal
	adds     map[*types.Package]analysis.TextEdit
}

// NewPlan starts the plan of file, a type-checked file of pkg: fset holds
// its positions, info its type information (Defs, Uses, Implicits and
// Scopes are read).
func NewPlan(fset *token.FileSet, info *types.Info, pkg *types.Package, file *ast.File) *Plan {
	return &Plan{fset: fset, info: info, pkg: pkg, file: file,
		names: map[*types.Package]string{}, added: map[*types.Package]string{}, taken: map[string]bool{},
		gone: map[*ast.ImportSpec]bool{}, removals: map[*ast.ImportSpec]removal{}, adds: map[*types.Package]analysis.TextEdit{}}
}

// Pkg is the package the file belongs to.
func (ip *Plan) Pkg() *types.Package { return ip.pkg }

// Decide fixes the qualifier of pkg in this file, given every position
// where a fix will write it: the name of an import of pkg (not a blank or
// dot one) that resolves to it at every use, else a new import named after
// pkg (with a number appended while the name is taken in the file or means
// something else at a use). The first decision for pkg holds.
func (ip *Plan) Decide(pkg *types.Package, uses []token.Pos) {
	if _, ok := ip.names[pkg]; ok {
		return
	}
	if pkg == ip.pkg {
		ip.names[pkg] = ""
		return
	}
	for _, spec := range ip.file.Imports {
		if ImportPath(spec) != pkg.Path() {
			continue
		}
		pn := ImportedName(ip.info, spec)
		if pn == nil || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		if ip.VisibleAt(pn.Name(), uses, pn) {
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
		if ip.free(name) && ip.VisibleAt(name, uses, nil) {
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
func (ip *Plan) free(name string) bool {
	if ip.taken[name] || ip.pkg.Scope().Lookup(name) != nil || types.Universe.Lookup(name) != nil || token.IsKeyword(name) {
		return false
	}
	fs := ip.info.Scopes[ip.file]
	return fs == nil || fs.Lookup(name) == nil
}

// VisibleAt reports whether name resolves to want (nil: to nothing) at
// every one of uses.
func (ip *Plan) VisibleAt(name string, uses []token.Pos, want types.Object) bool {
	for _, pos := range uses {
		scope := ip.pkg.Scope().Innermost(pos)
		if scope == nil {
			return false
		}
		if _, obj := scope.LookupParent(name, pos); obj != want {
			return false
		}
	}
	return true
}

// FileName is the name under which the file imports pkg (as decided, else
// its first named import of pkg), or pkg's name when the file does not
// import it.
func (ip *Plan) FileName(pkg *types.Package) string {
	if q, ok := ip.names[pkg]; ok && q != "" {
		return q
	}
	for _, spec := range ip.file.Imports {
		if ImportPath(spec) == pkg.Path() {
			if pn := ImportedName(ip.info, spec); pn != nil && pn.Name() != "_" && pn.Name() != "." {
				return pn.Name()
			}
		}
	}
	return pkg.Name()
}

// Qualify writes pkg.name as it must appear in this file: unqualified in
// the file's own package, else with the qualifier Decide chose. Before
// Decide, pkg is written unqualified.
func (ip *Plan) Qualify(pkg *types.Package, name string) string {
	if q := ip.names[pkg]; q != "" {
		return q + "." + name
	}
	return name
}

// MarkRemoved records that a fix of the file removes specs: the edits
// that add or remove other imports then leave them out of account. Mark
// every removed import before asking for any edit (RemoveEdit, Fixes).
func (ip *Plan) MarkRemoved(specs ...*ast.ImportSpec) {
	for _, spec := range specs {
		ip.gone[spec] = true
	}
}

// ImportPath is the path spec imports.
func ImportPath(spec *ast.ImportSpec) string {
	p, _ := strconv.Unquote(spec.Path.Value)
	return p
}

// ImportedName is the package name spec declares in its file (its own
// name, "_" or "."), or nil where the import does not type-check.
func ImportedName(info *types.Info, spec *ast.ImportSpec) *types.PkgName {
	obj := info.Implicits[spec]
	if spec.Name != nil {
		obj = info.Defs[spec.Name]
	}
	pn, _ := obj.(*types.PkgName)
	return pn
}

// Imports reports whether file imports path.
func Imports(file *ast.File, path string) bool {
	for _, spec := range file.Imports {
		if ImportPath(spec) == path {
			return true
		}
	}
	return false
}
