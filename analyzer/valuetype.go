package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// The value-type check (-value-types, category value-type): a
// semantic-convention key set with a constructor, Key method or Value
// function that does not fit the type the conventions give it, and a
// project key set with two different types in one package. There is no
// fix: converting a value is the author's decision.

// checkValueTypes reports the value sites whose type does not fit.
func (vc *valueChecker) checkValueTypes() {
	if vc.cfg.NoValueTypes {
		return
	}
	project := map[string]*valueSite{} // a project key's first site
	for i := range vc.valueSites {
		s := &vc.valueSites[i]
		if s.class == "" {
			continue
		}
		if want, ok := vc.keyType(s.key); ok {
			if want == "any" || want == s.class || vc.sup.suppressed(s.file, s.setter.Pos()) {
				continue
			}
			msg := fmt.Sprintf("attribute key %q is %s in the semantic conventions, set here with %s: use %s",
				s.key, article(want), types.ExprString(s.setter), setterFor(s, want))
			if h := vc.helperHint(s.file, s.key); h != "" {
				msg += " (" + h + ")"
			}
			vc.report(s.setter.Pos(), s.setter.End(), advice{"value-type", msg}, nil)
			continue
		}
		if isKnownKey(s.key) {
			continue // a semantic-convention key of no known type
		}
		first, seen := project[s.key]
		if !seen {
			project[s.key] = s
			continue
		}
		if first.class == s.class || vc.sup.suppressed(s.file, s.setter.Pos()) {
			continue
		}
		at := vc.pass.Fset.Position(first.setter.Pos())
		msg := fmt.Sprintf("attribute key %q is set as %s here and as %s at %s:%d: one key, one type",
			s.key, article(goType[s.class]), article(goType[first.class]), filepath.Base(at.Filename), at.Line)
		vc.report(s.setter.Pos(), s.setter.End(), advice{"value-type", msg}, nil)
	}
}

// keyType is the registry type of a semantic-convention key's value, or
// for a key the registry copy lacks, the type of its semconv helper's
// parameter.
func (vc *valueChecker) keyType(key string) (string, bool) {
	if t, _, ok := semconvtab.ValueType(key); ok {
		return t, true
	}
	if t, ok := helperType(semconvtab.Version, key); ok {
		for class, g := range goType {
			if g == t {
				return class, true
			}
		}
	}
	return "", false
}

// goType names each registry type as Go writes the value.
var goType = map[string]string{
	"string": "string", "int": "int", "double": "float64", "boolean": "bool",
	"string[]": "[]string", "int[]": "[]int", "double[]": "[]float64", "boolean[]": "[]bool",
}

// setterNames is the constructor (Key method) that sets each registry type.
var setterNames = map[string]string{
	"string": "String", "int": "Int", "double": "Float64", "boolean": "Bool",
	"string[]": "StringSlice", "int[]": "IntSlice", "double[]": "Float64Slice", "boolean[]": "BoolSlice",
}

// setterFor writes the setter of the site's form for type want, qualified
// as the site's own: attribute.Int, semconv.ServerPortKey.Int,
// attribute.IntValue.
func setterFor(s *valueSite, want string) string {
	name := setterNames[want]
	if s.form == formField {
		name += "Value"
	}
	if sel, ok := ast.Unparen(s.setter).(*ast.SelectorExpr); ok {
		return types.ExprString(sel.X) + "." + name
	}
	return name
}

func article(t string) string {
	if strings.HasPrefix(t, "int") {
		return "an " + t
	}
	return "a " + t
}

// helperHint names the semconv helper function that sets key (semconv.ServerPort),
// in the semconv version the file imports (or the package does, or else
// the newest one the module's otel version ships), as the file would
// write it; "" if none.
func (vc *valueChecker) helperHint(file *ast.File, key string) string {
	v, q := vc.semconvFor(file)
	if v == "" {
		return ""
	}
	if n, ok := helperName(v, key); ok {
		return q + "." + n
	}
	return ""
}
