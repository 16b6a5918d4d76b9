package check

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"path"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/rules"
	"github.com/spanattrlint/spanattrlint/internal/semconv"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// The stability check (-stability=LEVEL, off by default, category
// stability): a semantic-convention key, enum member or event name below
// the level, for teams that promise stable telemetry. It looks at
// hard-coded keys and event names, uses of semconv constants, member
// variables and helper functions, and constant enum values.

var stabilityLevels = []string{"stable", "release_candidate", "beta", "alpha", "development"}

func ValidStability(level string) error {
	if level == "" {
		return nil
	}
	for _, l := range stabilityLevels {
		if l == level {
			return nil
		}
	}
	return fmt.Errorf("-stability: %q is not a stability level (want one of %s)", level, strings.Join(stabilityLevels, ", "))
}

// stabilityChecker reports what is below the configured level.
type stabilityChecker struct {
	*valueChecker
	min int
}

func (sc *stabilityChecker) below(level string) bool {
	r, ok := semconvtab.StabilityRank(level)
	return ok && r < sc.min
}

// keyBelow returns the key's level if it is a current semantic-convention
// key below the minimum.
func (sc *stabilityChecker) keyBelow(key string) (string, bool) {
	l, ok := semconvtab.KeyStability(key)
	return l, ok && sc.below(l)
}

func (sc *stabilityChecker) reportKey(n ast.Node, key, level string) {
	sc.report(n.Pos(), n.End(), advice{category.Stability, fmt.Sprintf("attribute key %q is %s in the semantic conventions, below -stability=%s", key, level, sc.cfg.Stability)}, nil)
}

func (sc *stabilityChecker) reportEvent(n ast.Node, name, level string) {
	sc.report(n.Pos(), n.End(), advice{category.Stability, fmt.Sprintf("event name %q is %s in the semantic conventions, below -stability=%s", name, level, sc.cfg.Stability)}, nil)
}

func (sc *stabilityChecker) reportMember(n ast.Node, key string, m semconvtab.Member) {
	sc.report(n.Pos(), n.End(), advice{category.Stability, fmt.Sprintf("enum member %s of attribute key %q is %s in the semantic conventions, below -stability=%s",
		quoteValue(m.Value, m.Type == "int"), key, m.Stability, sc.cfg.Stability)}, nil)
}

// checkStability reports keys, members and events below -stability.
func (vc *valueChecker) checkStability() {
	if vc.cfg.Stability == "" {
		return
	}
	min, _ := semconvtab.StabilityRank(vc.cfg.Stability)
	sc := &stabilityChecker{vc, min}
	for _, f := range vc.in.HardCoded { // suppressed ones are not findings
		v := f.Site.Value
		switch f.Site.Role {
		case site.Key:
			if l, ok := sc.keyBelow(v); ok {
				sc.reportKey(f.Site.Expr, v, l)
			}
		case site.Event:
			if e, ok := semconvtab.LookupEvent(v); ok && !e.Deprecated && sc.below(e.Stability) {
				sc.reportEvent(f.Site.Expr, v, e.Stability)
			}
		}
	}
	sc.semconvNames()
	for i := range vc.in.ValueSites {
		s := &vc.in.ValueSites[i]
		v, _, ok := vc.enumValue(s)
		if !ok || vc.sup.Suppressed(s.file, s.value.Pos()) {
			continue
		}
		if _, below := sc.keyBelow(s.key); below {
			continue // the key is reported already
		}
		if _, dep := rules.Deprecation(s.key); dep {
			continue // a deprecated key's members: the deprecation speaks for them
		}
		if m, ok := semconvtab.LookupMember(s.key, v); ok && !m.Deprecated && sc.below(m.Stability) {
			sc.reportMember(s.value, s.key, m)
		}
	}
}

// semconvNames reports the uses of semconv constants, member variables
// and helper functions below the level.
func (sc *stabilityChecker) semconvNames() {
	pass := sc.pass
	semconv.Selectors(pass, func(file *ast.File, sel *ast.SelectorExpr, obj types.Object) {
		if !obj.Exported() || sc.sup.Suppressed(file, sel.Pos()) {
			return
		}
		switch obj := obj.(type) {
		case *types.Const:
			if obj.Val().Kind() != constant.String {
				return
			}
			v := constant.StringVal(obj.Val())
			if sc.api.IsKey(obj.Type()) {
				if l, ok := sc.keyBelow(v); ok {
					sc.reportKey(sel, v, l)
				}
			} else if strings.HasSuffix(obj.Name(), "EventName") {
				if e, ok := semconvtab.LookupEvent(v); ok && !e.Deprecated && sc.below(e.Stability) {
					sc.reportEvent(sel, v, e.Stability)
				}
			}
		case *types.Var, *types.Func:
			key, value, member, ok := semconv.NameKey(path.Base(obj.Pkg().Path()), obj.Name())
			if !ok {
				return
			}
			if _, dep := rules.Deprecation(key); dep {
				return // the deprecation speaks for it
			}
			if l, ok := sc.keyBelow(key); ok {
				sc.reportKey(sel, key, l)
			} else if m, ok := semconvtab.LookupMember(key, value); member && ok && !m.Deprecated && sc.below(m.Stability) {
				sc.reportMember(sel, key, m)
			}
		}
	})
}
