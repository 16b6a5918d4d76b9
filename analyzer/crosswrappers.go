package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/spanattrlint/spanattrlint/internal/find"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/site"
)

// A Package is one package of a run, as a front end that loads every
// package of the run with its syntax (the command, gen) hands it to
// InferKeyFuncs.
type Package struct {
	Fset  *token.FileSet
	Files []*ast.File
	Types *types.Package
	Info  *types.Info
}

// InferKeyFuncs finds the wrappers of the given packages that other
// packages call: the rule of the in-package inference (internal/find/wrappers.go),
// applied across the packages, transitively. A function or method declared
// in a non-test file of one of them whose string parameter reaches a key,
// event-name or span-name position unchanged (the parameter itself, never
// assigned nor addressed in the package), directly, through a -key-funcs
// function, or through a wrapper of any of the packages, is a wrapper.
// Span-name positions count with -span-names only, as in a pass.
//
// It returns the wrappers that another package can call (exported names)
// as -key-funcs entries, FUNC:ARG[:event|:span], sorted; WithWrappers
// hands them to the analyzer, and a user pastes them into the -key-funcs
// of go vet or golangci-lint, which see one package at a time. It uses no
// analysis facts: one walk over each package's syntax, in parallel. Give
// it each package once, without its test variants (whose non-test files
// are the package's own).
func (s *Settings) InferKeyFuncs(pkgs []Package) []string {
	paths := map[string]bool{}
	for _, p := range pkgs {
		if p.Types != nil {
			paths[p.Types.Path()] = true
		}
	}
	var rch otelapi.Reach
	results := make([]pkgFlows, len(pkgs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range pkgs {
		if p.Types == nil || p.Info == nil || otelapi.IsSemconv(p.Types.Path()) || p.Types.Name() == "main" {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			results[i] = s.packageFlows(p, paths, &rch)
		}()
	}
	wg.Wait()

	// Decide the wrappers: a parameter that reaches a position, then, round
	// by round, a parameter passed on unchanged to a wrapper's parameter.
	wrap := map[paramKey]site.Role{}
	for _, r := range results {
		for _, fl := range r.direct {
			if _, ok := wrap[fl.p]; !ok {
				wrap[fl.p] = fl.role
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, r := range results {
			for _, e := range r.edges {
				if _, done := wrap[e.from]; done {
					continue
				}
				if role, ok := wrap[e.to]; ok {
					wrap[e.from] = role
					changed = true
				}
			}
		}
	}
	exported := map[paramKey]bool{}
	for _, r := range results {
		for k := range r.exported {
			exported[k] = true
		}
	}
	var out []string
	for p, r := range wrap {
		if !exported[p] {
			continue
		}
		out = append(out, keyFunc{full: p.fn, arg: p.idx, role: r}.String())
	}
	slices.Sort(out)
	return out
}

// A paramKey is parameter idx of the function whose -key-funcs name
// (FUNC) is fn.
type paramKey struct {
	fn  string
	idx int
}

type crossFlow struct {
	p    paramKey
	role site.Role
}

// A crossEdge says that parameter from is passed on unchanged as
// parameter to: from is a wrapper if to is one.
type crossEdge struct{ from, to paramKey }

// pkgFlows is what one package says about its functions' parameters.
type pkgFlows struct {
	direct   []crossFlow
	edges    []crossEdge
	exported map[paramKey]bool // the string parameters of functions other packages can call
}

// packageFlows walks the non-test files of one package.
func (s *Settings) packageFlows(p Package, paths map[string]bool, rch *otelapi.Reach) pkgFlows {
	var out pkgFlows
	r := rch.Of(p.Types)
	keyFuncs, _ := keyFuncsOf(s.keyFuncs, nil, p.Types)
	if r.Attribute == nil && r.Trace == nil && r.Log == nil && len(keyFuncs) == 0 {
		return out // no call in it can reach a position
	}
	files := nonTestFiles(p)
	w := &flowWalk{
		info: p.Info, api: otelapi.New(r), spanNames: s.cfg.SpanNames, keyFuncs: keyFuncs, paths: paths,
		spoiled: map[*types.Var]bool{},
	}
	var bodies []*ast.BlockStmt
	w.params, out.exported, bodies = stringParams(files, p.Info)
	if len(w.params) == 0 {
		return out
	}
	for _, b := range bodies { // a parameter is used nowhere else
		ast.Inspect(b, w.visit)
	}
	for _, d := range w.direct {
		if !w.spoiled[d.v] {
			out.direct = append(out.direct, crossFlow{w.params[d.v], d.role})
		}
	}
	for _, e := range w.edges {
		if !w.spoiled[e.v] && w.params[e.v] != e.to {
			out.edges = append(out.edges, crossEdge{w.params[e.v], e.to})
		}
	}
	return out
}

func nonTestFiles(p Package) []*ast.File {
	var files []*ast.File
	for _, f := range p.Files {
		if !strings.HasSuffix(p.Fset.File(f.FileStart).Name(), "_test.go") {
			files = append(files, f)
		}
	}
	return files
}

// stringParams returns the string parameters of the package's functions
// that -key-funcs can name, those of exported functions, which other
// packages can call, and the bodies of the functions that have one: the
// only places where a parameter can flow anywhere.
func stringParams(files []*ast.File, info *types.Info) (map[*types.Var]paramKey, map[paramKey]bool, []*ast.BlockStmt) {
	params := map[*types.Var]paramKey{}
	var exported map[paramKey]bool
	var bodies []*ast.BlockStmt
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			name, ok := keyFuncName(fn)
			if !ok {
				continue
			}
			sig := fn.Signature()
			withParam := false
			for i := range sig.Params().Len() {
				v := sig.Params().At(i)
				if sig.Variadic() && i == sig.Params().Len()-1 || !otelapi.IsBasicString(v.Type()) || v.Name() == "" || v.Name() == "_" {
					continue
				}
				if !withParam {
					withParam = true
					bodies = append(bodies, fd.Body)
				}
				k := paramKey{name, i}
				params[v] = k
				if fn.Exported() {
					if exported == nil {
						exported = map[paramKey]bool{}
					}
					exported[k] = true
				}
			}
		}
	}
	return params, exported, bodies
}

// A flowWalk follows one package's string parameters to the positions and
// the calls of the run's functions they are passed to unchanged.
type flowWalk struct {
	info      *types.Info
	api       *otelapi.API
	spanNames bool
	keyFuncs  map[*types.Func][]site.FuncValue
	paths     map[string]bool // the run's packages
	params    map[*types.Var]paramKey
	spoiled   map[*types.Var]bool
	direct    []pendingFlow
	edges     []pendingEdge
}

type pendingFlow struct {
	v    *types.Var
	role site.Role
}

type pendingEdge struct {
	v  *types.Var
	to paramKey
}

// paramOf returns the parameter that e simply is, or nil.
func (w *flowWalk) paramOf(e ast.Expr) *types.Var {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, ok := w.info.Uses[id].(*types.Var); ok {
			if _, ok := w.params[v]; ok {
				return v
			}
		}
	}
	return nil
}

func (w *flowWalk) spoil(e ast.Expr) {
	if v := w.paramOf(e); v != nil {
		w.spoiled[v] = true
	}
}

func (w *flowWalk) flows(st *site.Site) {
	if st == nil {
		return
	}
	if v := w.paramOf(st.Expr); v != nil {
		w.direct = append(w.direct, pendingFlow{v, st.Role})
	}
}

func (w *flowWalk) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		w.call(n)
	case *ast.CompositeLit:
		w.flows(find.KeyFieldSite(w.info, w.api, n))
	case *ast.AssignStmt, *ast.UnaryExpr, *ast.RangeStmt:
		find.Spoils(n, w.spoil)
	}
	return true
}

func (w *flowWalk) call(n *ast.CallExpr) {
	if len(n.Args) == 0 {
		return
	}
	if cs := find.CallSite(w.info, w.api, w.spanNames, n); cs != nil {
		w.flows(cs)
		return
	}
	if w.keyFuncs != nil {
		if first, more := find.KeyFuncSites(w.info, w.keyFuncs, n); first != nil {
			w.flows(first)
			for _, m := range more {
				w.flows(m)
			}
			return
		}
	}
	callee := find.Callee(w.info, n)
	if callee == nil || callee.Pkg() == nil || !w.paths[callee.Pkg().Path()] {
		return
	}
	name, ok := keyFuncName(callee.Origin())
	if !ok {
		return
	}
	for i, a := range n.Args[find.MethodExprShift(w.info, n):] {
		if v := w.paramOf(a); v != nil {
			w.edges = append(w.edges, pendingEdge{v, paramKey{name, i}})
		}
	}
}

// keyFuncName is the name -key-funcs gives a function or a concrete
// method: pkg/path.F, (pkg/path.T).M or (*pkg/path.T).M, the receiver's
// type parameters left out; false for an interface's method and a
// function of no package.
func keyFuncName(fn *types.Func) (string, bool) {
	if fn.Pkg() == nil {
		return "", false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Pkg().Path() + "." + fn.Name(), true
	}
	t := types.Unalias(recv.Type())
	ptr := ""
	if pt, ok := t.(*types.Pointer); ok {
		ptr, t = "*", types.Unalias(pt.Elem())
	}
	named, ok := t.(*types.Named)
	if !ok || types.IsInterface(named) || named.Obj().Pkg() == nil {
		return "", false
	}
	return "(" + ptr + named.Obj().Pkg().Path() + "." + named.Obj().Name() + ")." + fn.Name(), true
}
