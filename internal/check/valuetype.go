package check

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/rules"
	"github.com/spanattrlint/spanattrlint/internal/semconv"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/site"
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
	project := map[string]*ValueSite{} // a project key's first site
	for i := range vc.in.ValueSites {
		s := &vc.in.ValueSites[i]
		if s.class == "" {
			continue
		}
		if want, ok := vc.keyType(s.key); ok {
			if want == "any" || want == s.class || vc.sup.Suppressed(s.file, s.setter.Pos()) {
				continue
			}
			conv := "in the semantic conventions"
			if _, fromTmpl, _ := semconvtab.ValueType(s.key); fromTmpl {
				if tmpl, typ, _, ok := semconvtab.Template(s.key); ok {
					conv += fmt.Sprintf(" (%s.<key> is %s)", tmpl, typ)
				}
			}
			msg := fmt.Sprintf("attribute key %q is %s %s, set here with %s: use %s",
				s.key, article(want), conv, types.ExprString(s.setter), setterFor(s, want))
			if h := vc.helperHint(s.file, s.key); h != "" {
				msg += " (" + h + ")"
			}
			vc.report(s.setter.Pos(), s.setter.End(), advice{category.ValueType, msg}, nil)
			continue
		}
		if rules.IsKnownKey(s.key) || vc.testFile(s.file) || vc.in.Declared != nil && vc.in.Declared(s.key) {
			// A semantic-convention key of no known type; or a test,
			// whose tables build one key with several types on purpose
			// (and whose sites do not count against production code's);
			// or a key whose type -registry declares (registry.go).
			continue
		}
		first, seen := project[s.key]
		if !seen {
			project[s.key] = s
			continue
		}
		if first.class == s.class || vc.sup.Suppressed(s.file, s.setter.Pos()) {
			continue
		}
		at := vc.pass.Fset.Position(first.setter.Pos())
		msg := fmt.Sprintf("attribute key %q is set with %s here and with %s at %s:%d: one key, one type",
			s.key, s.written(), first.written(), filepath.Base(at.Filename), at.Line)
		vc.report(s.setter.Pos(), s.setter.End(), advice{category.ValueType, msg}, nil)
	}
}

// written names the setter as the site writes it and the Go type it
// takes: "jobSizes.Int64Slice (a []int64)".
func (s *ValueSite) written() string {
	w := types.ExprString(s.setter)
	if s.goType != "" {
		w += " (" + article(s.goType) + ")"
	}
	return w
}

// testFile reports whether file is a _test.go file.
func (vc *valueChecker) testFile(file *ast.File) bool {
	return site.InTestFile(vc.pass.Fset, file.Pos())
}

// keyType is the registry type of a semantic-convention key's value, or
// for a key the registry copy lacks, the type of its semconv helper's
// parameter.
func (vc *valueChecker) keyType(key string) (string, bool) {
	if t, _, ok := semconvtab.ValueType(key); ok {
		return t, true
	}
	if t, ok := semconv.HelperType(semconvtab.Version, key); ok {
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
func setterFor(s *ValueSite, want string) string {
	name := setterNames[want]
	if (want == "int" || want == "int[]") && (s.goType == "int64" || s.goType == "[]int64") {
		name = strings.Replace(name, "Int", "Int64", 1) // the user's int64 values: Int64, Int64Slice
	}
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
	if n, ok := semconv.HelperName(v, key); ok {
		return q + "." + n
	}
	return ""
}
