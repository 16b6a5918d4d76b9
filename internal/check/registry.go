package check

import (
	"go/constant"
	"go/types"

	"github.com/spanattrlint/spanattrlint/internal/regcheck"
	"github.com/spanattrlint/spanattrlint/internal/suppress"
	"golang.org/x/tools/go/analysis"
)

// RegistryValueSites are the package's value sites as
// regcheck takes them, those under //nolint or in generated files left
// out.
func RegistryValueSites(pass *analysis.Pass, sup *suppress.Suppressor, vals []ValueSite) []regcheck.ValueSite {
	var out []regcheck.ValueSite
	for i := range vals {
		s := &vals[i]
		if sup.Suppressed(s.file, s.setter.Pos()) {
			continue
		}
		v := regcheck.ValueSite{
			Key: s.key, Class: s.class, Setter: types.ExprString(s.setter),
			SetterFor: func(want string) string { return setterFor(s, want) },
			SetterPos: s.setter.Pos(), SetterEnd: s.setter.End(),
		}
		if s.value != nil {
			v.ValuePos, v.ValueEnd = s.value.Pos(), s.value.End()
			if tv, ok := pass.TypesInfo.Types[s.value]; ok && tv.Value != nil {
				switch {
				case s.class == "string" && tv.Value.Kind() == constant.String:
					v.Value, v.ValueKnown = constant.StringVal(tv.Value), true
				case s.class == "int" && tv.Value.Kind() == constant.Int:
					v.Value, v.ValueKnown = tv.Value.ExactString(), true
				}
			}
		}
		out = append(out, v)
	}
	return out
}
