package gen

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/pkgpath"
	"github.com/spanattrlint/spanattrlint/internal/registry"
)

// gen -registry -into, enum members: a key that the registry declares
// with members, set to a member's value as a constant
// (attribute.String("shop.order.status", "paid")), gets a variable of
// the member in the style of the semconv packages,
//
//	ShopOrderStatusPaid = ShopOrderStatusKey.String("paid")
//
// named after the key's constant and the member's id, and the calls that
// set the member become that variable (the fix of the enum-member check,
// analyzer.NewConstant.Member). Only the members the code sets, and only
// where the key's constant is in the -into package (written by this run
// or before), whose variable can then refer to it.

// A memberUse is a value that sets a key to a member (analyzer.Result.Members).
type memberUse struct {
	key, value, id string
	isInt          bool
	file           string // relative to the module root, with slashes
	line           int
	declared       string // where the registry declares the member (registryinto.go)
}

// collectMembers returns the member values of the results' packages in the
// main module that may import the target (not one the target imports:
// an import cycle), sorted by position.
func collectMembers(results []pkgResult, mod *module, t *target, notes *[]string) []memberUse {
	seen := map[memberUse]bool{}
	var out []memberUse
	cyclic := map[string]bool{}
	for _, r := range results {
		if r.res == nil || r.pkg.PkgPath != t.path && !pkgpath.Importable(r.pkg.PkgPath, t.path) {
			continue
		}
		if t.imports(r.pkg.PkgPath) {
			if len(r.res.Members) > 0 {
				cyclic[r.pkg.PkgPath] = true
			}
			continue
		}
		for _, m := range r.res.Members {
			p := r.pkg.Fset.PositionFor(m.Pos, false)
			rel, ok := mod.rel(p.Filename)
			if !ok {
				continue
			}
			u := memberUse{key: m.Key, value: m.Value, id: m.ID, isInt: m.IsInt, file: rel, line: p.Line}
			if !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	if len(cyclic) > 0 {
		*notes = append(*notes, fmt.Sprintf("left alone: enum members that %s which %s imports set (%s): they cannot import its variables", plural(len(cyclic), "package"), t.path, firstKey(cyclic)))
	}
	slices.SortFunc(out, func(a, b memberUse) int {
		return cmp.Or(strings.Compare(a.file, b.file), cmp.Compare(a.line, b.line), strings.Compare(a.key, b.key), strings.Compare(a.value, b.value))
	})
	return out
}

// markMembersDeclared sets where the registry declares each member.
func markMembersDeclared(members []memberUse, mod *module, reg *registry.Registry) {
	for i, m := range members {
		a, ok := reg.Lookup(m.key)
		if !ok {
			continue
		}
		for _, d := range a.Members {
			if d.Value == m.value && d.Pos.File != "" {
				members[i].declared = fmt.Sprintf("%s:%d", displayPath(mod, d.Pos.File), d.Pos.Line)
			}
		}
	}
}

// planMembers returns a member variable for each member that the code
// sets in production code (not only in _test.go files) and the target
// does not declare yet, where the key's constant is
// the target's (consts, the run's new ones, or one it declares), and
// those that the constants file declares already (existing) to offer
// again; with notes for those left alone.
func planMembers(members []memberUse, consts []*Constant, t *target, existing map[string]memberDef, notes *[]string) (news, again []*Constant) {
	keyName := maps.Clone(t.forKey)
	taken := map[string]bool{}
	for n := range t.declared {
		taken[n] = true
	}
	for _, c := range consts {
		taken[c.Name] = true
		if c.Key {
			keyName[c.Value] = c.Name
		}
	}
	type keyValue struct{ key, value string }
	inProduction := map[keyValue]bool{}
	for _, m := range members {
		if !strings.HasSuffix(m.file, "_test.go") {
			inProduction[keyValue{m.key, m.value}] = true
		}
	}
	done := map[keyValue]bool{}
	noKey, clash, testOnly := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, m := range members {
		kv := keyValue{m.key, m.value}
		if done[kv] {
			continue
		}
		done[kv] = true
		if !inProduction[kv] { // as leaveOut: the constants are for production code
			testOnly[fmt.Sprintf("%s=%s", m.key, m.value)] = true
			continue
		}
		kn, ok := keyName[m.key]
		if !ok {
			noKey[m.key] = true
			continue
		}
		stem, _ := nameStem(m.id)
		name := strings.TrimSuffix(kn, "Key") + stem
		c := &Constant{Name: name, Value: m.value, Member: m.key, MemberInt: m.isInt, KeyName: kn,
			First: fmt.Sprintf("%s:%d", m.file, m.line), Declared: m.declared}
		if d, ok := existing[name]; ok && d == (memberDef{kn, c.memberValue()}) {
			again = append(again, c)
			continue
		}
		if taken[name] || !token.IsIdentifier(name) || !token.IsExported(name) {
			clash[name] = true
			continue
		}
		taken[name] = true
		news = append(news, c)
	}
	if len(noKey) > 0 {
		*notes = append(*notes, fmt.Sprintf("left alone: enum members of %s whose constant is not in %s (%s): the member variables refer to it", plural(len(noKey), "attribute key"), t.path, quotedKeys(noKey)))
	}
	if len(testOnly) > 0 {
		*notes = append(*notes, fmt.Sprintf("left alone: %s that only _test.go files set (%s): the variables are for production code", plural(len(testOnly), "enum member"), quotedKeys(testOnly)))
	}
	if len(clash) > 0 {
		*notes = append(*notes, fmt.Sprintf("left alone: enum members whose variable's name is taken in %s (%s)", t.path, quotedKeys(clash)))
	}
	slices.SortFunc(news, func(a, b *Constant) int { return strings.Compare(a.Name, b.Name) })
	return news, again
}

// A memberDef is a member variable the constants file declares already:
// the key's constant and the value (as Go writes it) it sets.
type memberDef struct{ keyName, value string }

// existingMembers are the member variables that src, the constants file,
// declares as gen writes them (Name = KeyName.String("v") or .Int(v)),
// by name: a later run offers them rather than write them again.
func existingMembers(src []byte) map[string]memberDef {
	out := map[string]memberDef{}
	if src == nil {
		return out
	}
	f, err := parser.ParseFile(token.NewFileSet(), "gen.go", src, parser.SkipObjectResolution)
	if err != nil {
		return out
	}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if len(vs.Names) != 1 || len(vs.Values) != 1 || vs.Type != nil {
				continue
			}
			call, ok := vs.Values[0].(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				continue
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			lit, isLit := call.Args[0].(*ast.BasicLit)
			if !ok || !isLit || (sel.Sel.Name != "String" || lit.Kind != token.STRING) && (sel.Sel.Name != "Int" || lit.Kind != token.INT) {
				continue
			}
			if k, ok := sel.X.(*ast.Ident); ok {
				out[vs.Names[0].Name] = memberDef{k.Name, lit.Value}
			}
		}
	}
	return out
}

// imports reports whether the target imports p, directly or not.
func (t *target) imports(p string) bool {
	_, ok := t.deps[p]
	return t.exists && ok
}
