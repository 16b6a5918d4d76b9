package check

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/find"
	"github.com/spanattrlint/spanattrlint/internal/naming"
	"github.com/spanattrlint/spanattrlint/internal/nearmiss"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/rules"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/site"
	"github.com/spanattrlint/spanattrlint/internal/suppress"
)

// Values reports, without fixes (renaming a key changes the
// telemetry), keys that break the naming rules, the project's prefixes or
// forbidden list, near misses of known keys, event names off the
// configured style, and the same in the values of the package's constant
// declarations, where a deprecated key is reported too.
func Values(in Input) (members []*site.Finding) {
	vc := newValueChecker(in)
	for _, f := range in.HardCoded {
		vc.checkFinding(f)
	}
	for _, cs := range in.Consts {
		vc.checkConstSpec(cs)
	}
	vc.checkValueSites() // valuesites.go: value types, enum members, stability
	return vc.members
}

// Input is what the value checks read: the pass, and what the phases
// before them found.
type Input struct {
	Pass     *analysis.Pass
	Sup      *suppress.Suppressor
	API      *otelapi.API
	Settings Settings
	ConstPkg bool // -constants names the package: its exported string constants are keys unless their use says otherwise

	HardCoded  []*site.Finding
	Consts     []find.Const               // the package's const declarations
	LocalUse   map[*types.Const]site.Role // the package's constants used as keys or names
	ValueSites []ValueSite                // constant keys set with a value

	ProjectPool func() []rules.PoolEntry              // the candidate constants' values, for near misses; asked on first need
	Otel        func() string                         // the go.opentelemetry.io/otel version the module requires, "" if unknown
	FixVersion  func(otel string) string              // the semconv version a fix imports where the package imports none, or ""
	Member      func(version, name string) *types.Var // a semconv member variable as a fix writes it, or nil
	Declared    func(key string) bool                 // -registry declares key (and so its type); nil without
}

// Settings are the options the value checks read.
type Settings struct {
	NoNaming, NoMisspelled, NoDeprecated, MigrateDeprecated bool
	NoValueTypes, NoEnumMembers                             bool
	Stability, EventStyle                                   string
	KeyPrefixes, ForbiddenKeys                              []string
}

// A valueChecker checks the values of one pass.
type valueChecker struct {
	pass        *analysis.Pass
	sup         *suppress.Suppressor
	api         *otelapi.API
	cfg         Settings
	constPkg    bool
	in          Input
	members     []*site.Finding // enum values a semconv member names (enum.go): the phase's findings
	projectPool *rules.Pool     // the project's keys, for near misses; made on first use
}

func (vc *valueChecker) pools() []*rules.Pool {
	if vc.projectPool == nil {
		vc.projectPool = nearmiss.NewPool(vc.in.ProjectPool())
	}
	return []*rules.Pool{vc.projectPool, rules.SemconvPool()}
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
	known := rules.IsKnownKey(key)
	if !cfg.NoNaming {
		add(category.Naming, rules.NamingRules(key, known))
	}
	add(category.KeyPrefix, rules.KeyPrefix(cfg.KeyPrefixes, key))
	add(category.ForbiddenKeys, rules.Forbidden(cfg.ForbiddenKeys, key))
	if !cfg.NoMisspelled && !exact && !known {
		ps := vc.pools()
		if declared {
			ps = ps[1:]
		}
		if e, ok := nearmiss.Find(key, ps...); ok {
			add(category.Misspelled, rules.TypoMessage(key, e))
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
		if m := rules.EventStyle(vc.cfg.EventStyle, f.Site.Value); m != "" {
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
		r, used := vc.in.LocalUse[c]
		isKey := vc.api.IsKey(c.Type()) || used && r == site.Key ||
			vc.constPkg && !used && c.Exported() && IsUntypedOrString(c.Type()) && !upperEventName(v)
		if !cfg.NoDeprecated && (isKey || !used) {
			if d, ok := rules.Deprecation(v); ok {
				var fix *analysis.SuggestedFix
				if lit := soleLiteral(val); lit != nil && cfg.MigrateDeprecated && d.Reason == "renamed" {
					fix = &analysis.SuggestedFix{
						Message:   "Rename to " + strconv.Quote(d.RenamedTo),
						TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(strconv.Quote(d.RenamedTo))}},
					}
				}
				vc.report(val.Pos(), val.End(), advice{category.Deprecated, rules.DeprecationMessage(d, SemconvName(d.RenamedTo))}, fix)
				continue
			}
		}
		switch {
		case isKey:
			for _, m := range vc.keyAdvice(v, false, true) {
				vc.report(val.Pos(), val.End(), m, nil)
			}
		case used && r == site.Event:
			if m := rules.EventStyle(cfg.EventStyle, v); m != "" {
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

// SemconvName names the newest semconv constant for key, if any.
func SemconvName(key string) string {
	if n, ok := semconvtab.KeyConst(key); ok {
		return "semconv." + n
	}
	return ""
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

func newValueChecker(in Input) *valueChecker {
	return &valueChecker{pass: in.Pass, sup: in.Sup, api: in.API, cfg: in.Settings, constPkg: in.ConstPkg, in: in}
}

// IsUntypedOrString reports whether t is string or untyped string: a
// constant of such a type is written where a string goes as it is.
func IsUntypedOrString(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && (b.Kind() == types.String || b.Kind() == types.UntypedString)
}
