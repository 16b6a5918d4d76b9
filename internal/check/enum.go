package check

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/mod/semver"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/rewrite"
	"github.com/spanattrlint/spanattrlint/internal/rules"
	"github.com/spanattrlint/spanattrlint/internal/semconv"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// The enum-member check (-enum-members, category enum-member): a constant
// value of an enum key that a semconv member variable names
// (attribute.String("http.request.method", "GET") is
// semconv.HTTPRequestMethodGet), fixed where the package imports a semconv
// version that defines the member; a value one slip from a member ("get",
// "POTS"), with a hint; and a deprecated member (category deprecated).
// Other values are allowed: the conventions let users extend enums.

func MemberMessage(m *site.MemberUse, ip *rewrite.Plan) string {
	use := m.Name
	if m.Obj != nil {
		use = ip.Qualify(m.Obj.Pkg(), m.Obj.Name())
		if semconv.Adds(ip.Pkg(), m.Obj.Pkg()) {
			use += fmt.Sprintf(" (import %q)", m.Obj.Pkg().Path()) // the fix adds it: say which version
		}
	}
	return fmt.Sprintf("attribute key %q set to its enum member %s: use %s", m.Key, quoteValue(m.Value, m.IsInt), use)
}

func quoteValue(v string, isInt bool) string {
	if isInt {
		return v
	}
	return strconv.Quote(v)
}

// checkEnumMembers checks the constant values of enum keys.
func (vc *valueChecker) checkEnumMembers() {
	if vc.cfg.NoEnumMembers {
		return
	}
	for i := range vc.in.ValueSites {
		s := &vc.in.ValueSites[i]
		v, isInt, ok := vc.enumValue(s)
		if !ok || vc.sup.Suppressed(s.file, s.whole.Pos()) {
			continue
		}
		if _, dep := rules.Deprecation(s.key); dep && !vc.cfg.NoDeprecated {
			continue // the key's deprecation speaks for it: its members stay behind with it
		}
		m, found := semconvtab.LookupMember(s.key, v)
		switch {
		case found && m.Deprecated:
			if !vc.cfg.NoDeprecated {
				vc.report(s.value.Pos(), s.value.End(), advice{category.Deprecated, vc.deprecatedMember(s, m, isInt)}, nil)
			}
		case found:
			vc.nameMember(s, v, isInt)
		case !isInt:
			if msg := vc.memberHint(s, v); msg != "" {
				vc.report(s.value.Pos(), s.value.End(), advice{category.EnumMember, msg}, nil)
			}
		}
	}
	if !vc.cfg.NoDeprecated {
		vc.deprecatedMemberUses()
	}
}

// deprecatedMemberUses reports uses of member variables of older semconv
// packages whose member the conventions deprecated (semconv.CPUModeKernel
// of v1.26.0), like the uses of deprecated key constants.
func (vc *valueChecker) deprecatedMemberUses() {
	pass := vc.pass
	semconv.Selectors(pass, func(file *ast.File, sel *ast.SelectorExpr, o types.Object) {
		obj, ok := o.(*types.Var)
		if !ok {
			return
		}
		key, value, member, ok := semconv.NameKey(path.Base(obj.Pkg().Path()), obj.Name())
		if !ok || !member {
			return
		}
		if _, dep := rules.Deprecation(key); dep {
			return // the key's deprecation speaks for it
		}
		m, ok := semconvtab.LookupMember(key, value)
		if !ok || !m.Deprecated || vc.sup.Suppressed(file, sel.Pos()) {
			return
		}
		vc.report(sel.Pos(), sel.End(), advice{category.Deprecated, vc.deprecatedMemberIn(file, m, m.Type == "int")}, nil)
	})
}

// enumValue returns the site's value if the key is an enum, the site sets
// a value of the enum's type, and the value is a constant.
func (vc *valueChecker) enumValue(s *ValueSite) (v string, isInt, ok bool) {
	if s.value == nil || s.class != "string" && s.class != "int" {
		return "", false, false
	}
	ms := semconvtab.Members(s.key)
	if len(ms) == 0 || ms[0].Type != s.class {
		return "", false, false // not an enum, or a misfit: the value-type check's
	}
	tv, ok := vc.pass.TypesInfo.Types[s.value]
	if !ok || tv.Value == nil {
		return "", false, false
	}
	switch {
	case s.class == "string" && tv.Value.Kind() == constant.String:
		return constant.StringVal(tv.Value), false, true
	case s.class == "int" && tv.Value.Kind() == constant.Int:
		return tv.Value.ExactString(), true, true
	}
	return "", false, false
}

// nameMember adds the finding that names the member, with a fix where an
// imported semconv package defines it and the whole expression can become
// a variable; a hard-coded key inside it then gives way (its fix would
// rewrite part of the same expression).
func (vc *valueChecker) nameMember(s *ValueSite, v string, isInt bool) {
	mu := &site.MemberUse{Key: s.key, Value: v, IsInt: isInt}
	for _, pkg := range vc.semconvImports(s.file) {
		n, ok := semconv.MemberName(path.Base(pkg.Path()), s.key, v)
		if !ok {
			continue
		}
		if obj, ok := pkg.Scope().Lookup(n).(*types.Var); ok && types.Identical(obj.Type(), vc.api.KeyValue) {
			mu.Obj = obj
			break
		}
	}
	if mu.Obj == nil {
		// No imported version defines it: the version that a fix imports
		// (semconvFixVersion), where it defines the member, else the
		// newest that the module's otel ships, named only.
		otel := vc.in.Otel()
		if fixV := vc.in.FixVersion(otel); fixV != "" {
			if n, ok := semconv.MemberName(fixV, s.key, v); ok {
				mu.Obj = vc.in.Member(fixV, n)
			}
		}
		if mu.Obj == nil {
			ver := semconvtab.NewestVersion(otel)
			n, ok := semconv.MemberName(ver, s.key, v)
			if !ok {
				return // nothing to write instead
			}
			mu.Name = fmt.Sprintf("semconv.%s (import %q)", n, semconvtab.BasePath+"/"+ver)
		}
	}
	f := &site.Finding{Site: &site.Site{Role: site.Key, Expr: s.whole, Value: s.key}, File: s.file, Enum: mu}
	if mu.Obj != nil && !vc.replaceable(s.whole) {
		mu.Name = vc.fileQualifier(s.file, mu.Obj.Pkg().Path()) + "." + mu.Obj.Name()
		if semconv.Adds(vc.pass.Pkg, mu.Obj.Pkg()) {
			mu.Name += fmt.Sprintf(" (import %q)", mu.Obj.Pkg().Path())
		}
		mu.Obj = nil
	}
	vc.members = append(vc.members, f)
}

// replaceable reports whether a variable may take the place of e: not
// a call that is a statement, not a literal whose address is taken. (A
// literal whose elided type is a pointer's, []*attribute.KeyValue{{...}},
// has the pointer type and is no value site.)
func (vc *valueChecker) replaceable(e ast.Expr) bool {
	return replaceable(vc.pass, e)
}

func replaceable(pass *analysis.Pass, e ast.Expr) bool {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	cur, ok := insp.Root().FindNode(e)
	if !ok {
		return false
	}
	for p := cur.Parent(); ; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			continue
		case *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt:
			return false
		case *ast.UnaryExpr:
			return n.Op != token.AND
		}
		return true
	}
}

// semconvImports lists the semconv packages the package imports: those
// the file imports first, then newest first.
func (vc *valueChecker) semconvImports(file *ast.File) []*types.Package {
	var out []*types.Package
	for _, imp := range vc.pass.Pkg.Imports() {
		if otelapi.IsSemconv(imp.Path()) && semver.IsValid(path.Base(imp.Path())) {
			out = append(out, imp)
		}
	}
	slices.SortFunc(out, func(a, b *types.Package) int {
		if ia, ib := rewrite.Imports(file, a.Path()), rewrite.Imports(file, b.Path()); ia != ib {
			if ia {
				return -1
			}
			return 1
		}
		return semconv.ComparePaths(a.Path(), b.Path())
	})
	return out
}

// semconvFor is the semconv version that messages name members and
// helpers from, and how the file writes its package: the one the file
// imports (the newest of them), else the package, else the newest one
// that the module's otel version ships ("" if it ships none).
func (vc *valueChecker) semconvFor(file *ast.File) (version, qualifier string) {
	if imps := vc.semconvImports(file); len(imps) > 0 {
		pkg := imps[0]
		q := vc.fileQualifier(file, pkg.Path())
		return path.Base(pkg.Path()), q
	}
	return semconvtab.NewestVersion(vc.in.Otel()), "semconv"
}

// fileQualifier is the name under which the file imports the semconv
// package path, or "semconv".
func (vc *valueChecker) fileQualifier(file *ast.File, path string) string {
	for _, spec := range file.Imports {
		if rewrite.ImportPath(spec) == path {
			if pn := rewrite.ImportedName(vc.pass.TypesInfo, spec); pn != nil && pn.Name() != "_" && pn.Name() != "." {
				return pn.Name()
			}
		}
	}
	return "semconv"
}

// deprecatedMember says what replaces a deprecated member.
func (vc *valueChecker) deprecatedMember(s *ValueSite, m semconvtab.Member, isInt bool) string {
	return vc.deprecatedMemberIn(s.file, m, isInt)
}

func (vc *valueChecker) deprecatedMemberIn(file *ast.File, m semconvtab.Member, isInt bool) string {
	msg := fmt.Sprintf("attribute key %q set to %s, an enum member deprecated in the semantic conventions", m.Key, quoteValue(m.Value, isInt))
	if r, ok := semconvtab.LookupMember(m.Key, m.Note); ok && !r.Deprecated && r.Value != m.Value {
		msg += ": use " + quoteValue(r.Value, isInt)
		if ver, q := vc.semconvFor(file); ver != "" {
			if n, ok := semconv.MemberName(ver, m.Key, r.Value); ok {
				msg += " (" + q + "." + n + ")"
			}
		}
		return msg
	}
	if note := rules.PlainNote(m.Note); note != "" {
		msg += ": " + note
	}
	return msg
}

// memberHint returns "did you mean" advice for a string that differs from
// a current member only in case or by one slip, or "".
func (vc *valueChecker) memberHint(s *ValueSite, v string) string {
	var best *semconvtab.Member
	for _, m := range semconvtab.Members(s.key) {
		if m.Deprecated {
			continue
		}
		if strings.EqualFold(m.Value, v) {
			best = &m
			break
		}
		if best == nil && len(v) >= 3 && oneSlip(v, m.Value) {
			best = &m
		}
	}
	if best == nil {
		return ""
	}
	msg := fmt.Sprintf("attribute key %q set to %q, which is no member of its enum: did you mean %q", s.key, v, best.Value)
	if ver, q := vc.semconvFor(s.file); ver != "" {
		if n, ok := semconv.MemberName(ver, s.key, best.Value); ok {
			msg += " (" + q + "." + n + ")"
		}
	}
	return msg + "?"
}

// oneSlip reports whether a and b differ by one inserted, deleted or
// replaced byte, or two adjacent bytes swapped.
func oneSlip(a, b string) bool {
	if a == b {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		if a[i+1:] == b[i+1:] {
			return true // replaced
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // swapped
	}
	return a[i:] == b[i+1:] // inserted
}
