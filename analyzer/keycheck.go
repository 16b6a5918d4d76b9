package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/check"
	"github.com/spanattrlint/spanattrlint/internal/find"
	"github.com/spanattrlint/spanattrlint/internal/naming"
	"github.com/spanattrlint/spanattrlint/internal/nearmiss"
	"github.com/spanattrlint/spanattrlint/internal/semconv"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// collectDeprecated finds the deprecated keys: the uses of semconv
// constants whose key is deprecated, then the deprecated hard-coded keys.
func (st *passState) collectDeprecated(hardCoded []*site.Finding) []*site.Finding {
	return append(st.semconvUses(), st.deprecations(hardCoded)...)
}

// migrates reports whether -migrate-deprecated rewrites a hard-coded key
// to the key the semantic conventions renamed it to; its finding then
// gets no fix of its own (to a constant of the old value), so that the
// deprecation's fix (deprecations) and it do not compete.
func (st *passState) migrates(s *site.Site) bool {
	if st.cfg.NoDeprecated || !st.cfg.MigrateDeprecated || s.Role != site.Key {
		return false
	}
	d, ok := check.Deprecation(s.Value)
	return ok && d.Reason == "renamed"
}

// deprecations adds a finding for each hard-coded key that the semantic
// conventions deprecated. With -migrate-deprecated its fix rewrites a
// renamed key to the new one (the hard-coded finding's own fix was
// withheld when it was made: migrates).
func (st *passState) deprecations(hardCoded []*site.Finding) []*site.Finding {
	if st.cfg.NoDeprecated {
		return nil
	}
	var out []*site.Finding
	for _, f := range hardCoded {
		if f.Site.Role != site.Key {
			continue
		}
		found, ok := check.Deprecation(f.Site.Value)
		if !ok {
			continue
		}
		d := found // escapes: kept apart so that a key found current costs nothing
		migrate := st.cfg.MigrateDeprecated && d.Reason == "renamed"
		out = append(out, &site.Finding{Site: f.Site, File: f.File, Dep: &d, NoFix: !migrate})
	}
	return out
}

// semconvUses finds uses of semconv constants whose key is deprecated,
// such as HTTPMethodKey of semconv/v1.20.0, in packages that import one.
func (st *passState) semconvUses() []*site.Finding {
	pass, api := st.pass, st.api
	if st.cfg.NoDeprecated || api.Attribute == nil {
		return nil
	}
	var out []*site.Finding
	semconv.Selectors(pass, func(file *ast.File, sel *ast.SelectorExpr, obj types.Object) {
		c, ok := obj.(*types.Const)
		if !ok || c.Val().Kind() != constant.String {
			return
		}
		v := constant.StringVal(c.Val())
		d, ok := check.Deprecation(v)
		if !ok || st.sup.Suppressed(file, sel.Pos()) {
			return
		}
		s := &site.Site{Role: site.Key, Place: site.ConstUse, Expr: sel, Value: v, Named: c}
		migrate := st.cfg.MigrateDeprecated && d.Reason == "renamed" && api.IsKey(c.Type())
		out = append(out, &site.Finding{Site: s, File: file, Dep: &d, NoFix: !migrate})
	})
	return out
}

// checkValues reports, without fixes (renaming a key changes the
// telemetry), keys that break the naming rules, the project's prefixes or
// forbidden list, near misses of known keys, event names off the
// configured style, and the same in the values of the package's constant
// declarations, where a deprecated key is reported too.
func (st *passState) checkValues(in valueInput) (members []*site.Finding) {
	vc := &valueChecker{passState: st, in: in}
	for _, f := range in.hardCoded {
		vc.checkFinding(f)
	}
	for _, cs := range in.consts {
		vc.checkConstSpec(cs)
	}
	vc.checkValueSites() // valuesites.go: value types, enum members, stability
	return vc.members
}

// valueInput is what the value checks read of the phases before them.
type valueInput struct {
	hardCoded  []*site.Finding
	consts     []find.Const               // the package's const declarations
	srcs       []sourceTable              // the candidate constants, for near misses
	localUse   map[*types.Const]site.Role // the package's constants used as keys or names
	valueSites []valueSite                // constant keys set with a value
}

// A valueChecker checks the values of one pass.
type valueChecker struct {
	*passState
	in          valueInput
	members     []*site.Finding // enum values a semconv member names (enum.go): the phase's findings
	projectPool *check.Pool     // the project's keys, for near misses; made on first use
}

func (vc *valueChecker) pools() []*check.Pool {
	if vc.projectPool == nil {
		vc.projectPool = nearmiss.NewPool(poolOf(vc.pass, vc.in.srcs))
	}
	return []*check.Pool{vc.projectPool, check.SemconvPool()}
}

func (vc *valueChecker) report(pos, end token.Pos, a advice, fix *analysis.SuggestedFix) {
	d := analysis.Diagnostic{Pos: pos, End: end, Category: string(a.check), Message: a.msg}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	vc.pass.Report(d)
}

// keyAdvice returns the messages for what a key says; a declared constant
// is checked against the semantic conventions only, since the project's
// other constants are as deliberate as it is.
func (vc *valueChecker) keyAdvice(key string, exact, declared bool) []advice {
	cfg := &vc.cfg
	var msgs []advice
	add := func(check category.Name, m string) {
		if m != "" {
			msgs = append(msgs, advice{check, m})
		}
	}
	known := check.IsKnownKey(key)
	if !cfg.NoNaming {
		add(category.Naming, check.NamingRules(key, known))
	}
	add(category.KeyPrefix, check.KeyPrefix(cfg.KeyPrefixes, key))
	add(category.ForbiddenKeys, check.Forbidden(cfg.ForbiddenKeys, key))
	if !cfg.NoMisspelled && !exact && !known {
		ps := vc.pools()
		if declared {
			ps = ps[1:]
		}
		if e, ok := nearmiss.Find(key, ps...); ok {
			add(category.Misspelled, check.TypoMessage(key, e))
		}
	}
	return msgs
}

// checkFinding checks a hard-coded key or event name.
func (vc *valueChecker) checkFinding(f *site.Finding) {
	e := f.Site.Expr
	switch f.Site.Role {
	case site.Key:
		for _, m := range vc.keyAdvice(f.Site.Value, len(f.Cands) > 0 && f.Cands[0].Fixable(), false) {
			vc.report(e.Pos(), e.End(), m, nil)
		}
	case site.Event:
		if m := check.EventStyle(vc.cfg.EventStyle, f.Site.Value); m != "" {
			vc.report(e.Pos(), e.End(), advice{category.EventStyle, m}, nil)
		}
	}
}

// checkConstSpec checks the hard-coded values of a const declaration line
// as what their use, or type, says they name. In a package named by
// -constants (constPkg), whose exported string constants name keys and
// event names, such a constant is checked as a key unless its use or type
// says otherwise, or its value has the shape of an event name in the upper
// style (journey.QUEUED), which no key has.
func (vc *valueChecker) checkConstSpec(cs find.Const) {
	cfg := &vc.cfg
	for i, name := range cs.Spec.Names {
		c, ok := vc.pass.TypesInfo.Defs[name].(*types.Const)
		if !ok || i >= len(cs.Spec.Values) || c.Val().Kind() != constant.String {
			continue
		}
		val := cs.Spec.Values[i]
		if !(&site.Site{Expr: val}).HardCoded() || vc.sup.Suppressed(cs.File, val.Pos()) {
			continue
		}
		v := constant.StringVal(c.Val())
		r, used := vc.in.localUse[c]
		isKey := vc.api.IsKey(c.Type()) || used && r == site.Key ||
			vc.constPkg && !used && c.Exported() && isUntypedOrString(c.Type()) && !upperEventName(v)
		if !cfg.NoDeprecated && (isKey || !used) {
			if d, ok := check.Deprecation(v); ok {
				var fix *analysis.SuggestedFix
				if lit := soleLiteral(val); lit != nil && cfg.MigrateDeprecated && d.Reason == "renamed" {
					fix = &analysis.SuggestedFix{
						Message:   "Rename to " + strconv.Quote(d.RenamedTo),
						TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(strconv.Quote(d.RenamedTo))}},
					}
				}
				vc.report(val.Pos(), val.End(), advice{category.Deprecated, check.DeprecationMessage(d, semconvName(d.RenamedTo))}, fix)
				continue
			}
		}
		switch {
		case isKey:
			for _, m := range vc.keyAdvice(v, false, true) {
				vc.report(val.Pos(), val.End(), m, nil)
			}
		case used && r == site.Event:
			if m := check.EventStyle(cfg.EventStyle, v); m != "" {
				vc.report(val.Pos(), val.End(), advice{category.EventStyle, m}, nil)
			}
		}
	}
}

// advice is a message and the check (the diagnostic's category) behind it.
type advice struct {
	check category.Name
	msg   string
}

// soleLiteral returns the string literal that is all of e, possibly
// converted (attribute.Key("k")), or nil.
func soleLiteral(e ast.Expr) *ast.BasicLit {
	for {
		e = ast.Unparen(e)
		if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
			e = call.Args[0]
			continue
		}
		lit, _ := e.(*ast.BasicLit)
		if lit != nil && lit.Kind != token.STRING {
			return nil
		}
		return lit
	}
}

// semconvName names the newest semconv constant for key, if any.
func semconvName(key string) string {
	if n, ok := semconvtab.KeyConst(key); ok {
		return "semconv." + n
	}
	return ""
}

// poolOf lists the values of the candidate constants, for near misses of
// the project's own keys, in the sources' order (a value may repeat; the
// first is preferred). A table kept whole is listed once.
func poolOf(pass *analysis.Pass, srcs []sourceTable) []check.PoolEntry {
	pool := []check.PoolEntry{}
	whole := map[*constList]bool{}
	for _, st := range srcs {
		if whole[st.consts] {
			continue
		}
		if st.keep == nil {
			whole[st.consts] = true
		}
		for _, e := range st.consts.list {
			if st.keep != nil && !st.keep(e) {
				continue
			}
			pe := check.PoolEntry{Value: e.value, Data: check.ConstRef{Name: e.c.Name()}}
			if e.c.Pkg() != pass.Pkg {
				pe.Data.Pkg = e.c.Pkg().Name()
			}
			pool = append(pool, pe)
		}
	}
	return pool
}

// upperEventName reports whether v is written as an event name in the
// upper style: lowercase snake_case namespaces and an UPPER_SNAKE_CASE
// last component with a letter in it (journey.QUEUED).
func upperEventName(v string) bool {
	i := strings.LastIndexByte(v, '.')
	if i < 0 {
		return false
	}
	last := v[i+1:]
	if !naming.SnakeCase(last, true) || strings.ToLower(last) == last {
		return false
	}
	for c := range strings.SplitSeq(v[:i], ".") {
		if !naming.SnakeCase(c, false) {
			return false
		}
	}
	return true
}
