package analyzer

import (
	"fmt"
	"go/build"
	"go/types"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/spanattrlint/spanattrlint/internal/index"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// A keyFunc is one entry of -key-funcs: a function or method, named as
// types.Func.FullName names it (the convention of the printf analyzer's
// -funcs), whose argument arg is an attribute key, an event name or a
// span name.
type keyFunc struct {
	raw     string // FUNC:ARG[:KIND] as written
	full    string // FUNC
	pkgPath string
	recv    string // the receiver's type name, "" for a function
	ptr     bool   // the receiver is a pointer: (*pkg.T).M
	name    string
	arg     int
	role    site.Role // roleKey, roleEvent with :event, roleSpanName with :span
}

const keyFuncsExample = "want FUNC:ARG[:KIND], e.g. '(*github.com/grafana/dskit/spanlogger.SpanLogger).SetTag:0' or example.com/app/telemetry.Event:1:event"

// keyFuncKinds are the KIND parts of an entry, and the role each gives.
var keyFuncKinds = map[string]site.Role{"key": site.Key, "event": site.Event, "span": site.SpanName}

// parseKeyFunc parses FUNC:ARG[:KIND]: FUNC is pkg/path.Func,
// (pkg/path.T).Method or (*pkg/path.T).Method, ARG the index of the key
// among the call's arguments (the receiver not counted), from 0, and KIND
// what the argument is: key (the default), event (an event name) or span
// (a span name, reported whether or not -span-names is on: the entry asks
// for it). An error names the part that is wrong.
func parseKeyFunc(s string) (keyFunc, error) {
	bad := func(format string, args ...any) (keyFunc, error) {
		return keyFunc{}, fmt.Errorf("-key-funcs: %q: %s (%s)", s, fmt.Sprintf(format, args...), keyFuncsExample)
	}
	parts := strings.Split(s, ":")
	switch {
	case len(parts) == 1:
		return bad("no :ARG after the function")
	case len(parts) > 3:
		return bad("%d parts separated by colons, want FUNC:ARG or FUNC:ARG:KIND", len(parts))
	}
	kf := keyFunc{raw: s, full: parts[0], role: site.Key}
	argPart := parts[1]
	if len(parts) == 3 {
		r, ok := keyFuncKinds[parts[2]]
		if !ok {
			if _, isKind := keyFuncKinds[argPart]; isKind {
				return bad("the argument index comes before the kind: %s:ARG:%s", parts[0], argPart)
			}
			return bad("KIND %q is not key, event or span", parts[2])
		}
		kf.role = r
	} else if _, isKind := keyFuncKinds[argPart]; isKind {
		return bad("no argument index before the kind: want %s:ARG:%s", parts[0], argPart)
	}
	arg, err := strconv.Atoi(argPart)
	if err != nil || arg < 0 || strings.HasPrefix(argPart, "+") {
		if argPart == "" {
			return bad("ARG is empty: want the argument's index, 0 for the first")
		}
		return bad("ARG %q is not an argument index (0 for the first argument, 1 for the second, ...)", argPart)
	}
	kf.arg = arg
	f := kf.full
	notName := func(why string) (keyFunc, error) {
		return bad("FUNC %q is not a function's full name (%s)", f, why)
	}
	if f == "" {
		return notName("it is empty")
	}
	if strings.ContainsAny(f, " \t\"'") {
		return notName("it has a space or a quote")
	}
	qualified := f
	if strings.HasPrefix(f, "(") {
		j := strings.Index(f, ").")
		if j < 0 {
			return notName("a method is (pkg/path.T).M or (*pkg/path.T).M")
		}
		qualified, kf.name = f[1:j], f[j+2:]
		if strings.HasPrefix(qualified, "*") {
			kf.ptr, qualified = true, qualified[1:]
		}
		k := strings.LastIndexByte(qualified, '.')
		if k <= 0 {
			return notName("the receiver's type has no package path: (*pkg/path.T).M")
		}
		kf.pkgPath, kf.recv = qualified[:k], qualified[k+1:]
		if !isIdent(kf.recv) {
			return notName(fmt.Sprintf("the receiver's type name %q is not an identifier", kf.recv))
		}
	} else {
		k := strings.LastIndexByte(f, '.')
		if k <= 0 {
			return notName("a package path, a dot, the name")
		}
		kf.pkgPath, kf.name = f[:k], f[k+1:]
	}
	switch {
	case !isIdent(kf.name):
		return notName(fmt.Sprintf("the name %q is not an identifier", kf.name))
	case kf.pkgPath == "" || strings.HasSuffix(kf.pkgPath, "/") || strings.ContainsAny(kf.pkgPath, "()*"):
		return notName(fmt.Sprintf("the package path %q is not an import path", kf.pkgPath))
	}
	return kf, nil
}

// String is the entry as -key-funcs takes it, the kind written out unless
// it is a key.
func (kf keyFunc) String() string {
	s := kf.full + ":" + strconv.Itoa(kf.arg)
	switch kf.role {
	case site.Event:
		s += ":event"
	case site.SpanName:
		s += ":span"
	}
	return s
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r >= 0x80 || i > 0 && '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// lookup finds the function in pkg, the package its name names, and
// checks that its argument arg is a string parameter.
func (kf keyFunc) lookup(pkg *types.Package) (*types.Func, error) {
	fail := func(format string, args ...any) (*types.Func, error) {
		return nil, fmt.Errorf("-key-funcs: %s: %s", kf.raw, fmt.Sprintf(format, args...))
	}
	var fn *types.Func
	if kf.recv == "" {
		f, ok := pkg.Scope().Lookup(kf.name).(*types.Func)
		if !ok {
			return fail("package %s has no function %s", kf.pkgPath, kf.name)
		}
		fn = f
	} else {
		tn, ok := pkg.Scope().Lookup(kf.recv).(*types.TypeName)
		var named *types.Named
		if ok {
			named, _ = types.Unalias(tn.Type()).(*types.Named)
		}
		if named == nil {
			return fail("package %s has no named type %s", kf.pkgPath, kf.recv)
		}
		if it, ok := named.Underlying().(*types.Interface); ok {
			for i := range it.NumMethods() {
				if m := it.Method(i); m.Name() == kf.name {
					fn = m
				}
			}
			if fn != nil && kf.ptr {
				return fail("%s is an interface: write (%s.%s).%s", kf.recv, kf.pkgPath, kf.recv, kf.name)
			}
		} else {
			for i := range named.NumMethods() {
				if m := named.Method(i); m.Name() == kf.name {
					fn = m
				}
			}
			if fn != nil {
				_, isPtr := fn.Signature().Recv().Type().(*types.Pointer)
				if isPtr != kf.ptr {
					return fail("its full name is %s", fn.FullName())
				}
			}
		}
		if fn == nil {
			return fail("type %s.%s has no method %s", kf.pkgPath, kf.recv, kf.name)
		}
	}
	sig := fn.Signature()
	n := sig.Params().Len()
	switch {
	case kf.arg >= n:
		return fail("%s has %d parameters, so no argument %d (counted from 0, the receiver not counted)", kf.full, n, kf.arg)
	case sig.Variadic() && kf.arg == n-1:
		return fail("argument %d of %s is variadic, not one string", kf.arg, kf.full)
	case !otelapi.IsBasicString(sig.Params().At(kf.arg).Type()):
		return fail("argument %d of %s is a %s, not a string", kf.arg, kf.full, sig.Params().At(kf.arg).Type())
	}
	return fn, nil
}

// keyFuncsOf resolves -key-funcs in the packages a pass can see: its own
// and those it imports, directly or not. A name whose package is among
// them but that names no function there (or whose argument is not a
// string) is an error; a name whose package the pass cannot see names
// nothing it can call. The wrappers a front end inferred across the
// packages of its run (inferred) are resolved the same way, but one that a
// package does not see, as a package's test variant sees a function of
// its _test.go files that the package itself lacks, is simply skipped.
func keyFuncsOf(kfs, inferred []keyFunc, pkg *types.Package) (map[*types.Func][]site.FuncValue, error) {
	if len(kfs) == 0 && len(inferred) == 0 {
		return nil, nil
	}
	want := map[string]bool{}
	for _, kf := range kfs {
		want[kf.pkgPath] = true
	}
	for _, kf := range inferred {
		want[kf.pkgPath] = true
	}
	found := map[string]*types.Package{}
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if seen[p] || len(found) == len(want) {
			return
		}
		seen[p] = true
		if want[p.Path()] && found[p.Path()] == nil {
			found[p.Path()] = p
		}
		for _, imp := range p.Imports() {
			walk(imp)
		}
	}
	walk(pkg)
	out := map[*types.Func][]site.FuncValue{}
	add := func(fn *types.Func, fv site.FuncValue) {
		for _, have := range out[fn] {
			if have.Arg == fv.Arg {
				return // named twice: the first entry decides
			}
		}
		out[fn] = append(out[fn], fv)
	}
	var errs []error
	for _, kf := range kfs {
		p := found[kf.pkgPath]
		if p == nil {
			continue
		}
		fn, err := kf.lookup(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		add(fn, site.FuncValue{Role: kf.role, Arg: kf.arg})
	}
	if len(errs) > 0 {
		return nil, &ConfigError{Err: errs[0]}
	}
	for _, kf := range inferred {
		if p := found[kf.pkgPath]; p != nil {
			if fn, err := kf.lookup(p); err == nil {
				add(fn, site.FuncValue{Role: kf.role, Arg: kf.arg})
			}
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// CheckKeyFuncs checks, for a front end that sees every package of the
// run with its imports (the command, golangci-lint), that each -key-funcs
// name matches a function of one of them: one whose package none of them
// imports is an error too, where a pass, which sees one package, can only
// check the names of the packages it imports.
func (s *Settings) CheckKeyFuncs(pkgs []*types.Package) error {
	if len(s.keyFuncs) == 0 {
		return nil
	}
	all := map[string]*types.Package{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if p == nil || all[p.Path()] != nil {
			return
		}
		all[p.Path()] = p
		for _, imp := range p.Imports() {
			walk(imp)
		}
	}
	for _, p := range pkgs {
		walk(p)
	}
	for _, kf := range s.keyFuncs {
		p := all[kf.pkgPath]
		if p == nil {
			return &ConfigError{Err: fmt.Errorf("-key-funcs: %s: no analysed package is or imports package %s", kf.raw, kf.pkgPath)}
		}
		if _, err := kf.lookup(p); err != nil {
			return &ConfigError{Err: err}
		}
	}
	return nil
}

func parseKeyFuncs(list []string) ([]keyFunc, error) {
	var out []keyFunc
	for _, s := range list {
		kf, err := parseKeyFunc(s)
		if err != nil {
			return nil, err
		}
		out = append(out, kf)
	}
	return out, nil
}

// goroot is the standard library's root: build.Default.GOROOT, which is
// empty in a binary built with -trimpath (as golangci-lint's custom builds
// and most release binaries are), else what "go env GOROOT" says; "" when
// neither knows, and then no name is refused for want of its package.
var goroot = sync.OnceValue(func() string {
	if build.Default.GOROOT != "" {
		return build.Default.GOROOT
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
})

// keyFuncPaths checks, in the module that holds dir, that the package of
// every -key-funcs name is one the module can build: in a main module, its
// vendor directory, a module it requires or replaces, or the standard
// library. It is what a go vet process, which sees one package, can check
// of a name whose package that package does not import. Nothing is
// checked without a go.mod (Bazel's nogo).
func (s *Settings) keyFuncPaths(dir string) error {
	if len(s.keyFuncs) == 0 || dir == "" {
		return nil
	}
	mod, err := s.res.Module(dir)
	if err != nil || mod == nil {
		return nil
	}
	if v, ok := s.keyFuncChecked.Load(mod.Root); ok {
		err, _ := v.(error)
		return err
	}
	err = nil
	for _, kf := range s.keyFuncs {
		first, _, _ := strings.Cut(kf.pkgPath, "/")
		if !strings.Contains(first, ".") {
			if root := goroot(); root != "" && !index.HasGoFiles(filepath.Join(root, "src", filepath.FromSlash(kf.pkgPath))) {
				err = fmt.Errorf("-key-funcs: %s: there is no package %s in the standard library", kf.raw, kf.pkgPath)
				break
			}
			continue
		}
		d, ok := mod.Dir(kf.pkgPath)
		if !ok {
			err = fmt.Errorf("-key-funcs: %s: no module that %s requires provides package %s", kf.raw, mod.Describe(), kf.pkgPath)
			break
		}
		if !index.HasGoFiles(d) {
			err = fmt.Errorf("-key-funcs: %s: there is no package %s in %s or the modules it requires (no Go files in %s)", kf.raw, kf.pkgPath, mod.Describe(), d)
			break
		}
	}
	if err != nil {
		err = &ConfigError{Err: err}
	}
	s.keyFuncChecked.Store(mod.Root, err)
	return err
}
