package index

import (
	"go/token"
	"go/types"
	"runtime"
	"sync"
	"weak"

	"github.com/spanattrlint/spanattrlint/internal/otelapi"
)

// RunCaches is what the packages of one run share: which packages reach
// the OpenTelemetry API, the constant tables of imported packages, the
// -constants packages read from source, and the import clauses and
// semconv versions of each module read from disk. They hold the run's
// *types.Package values, so they must end with the run: a host that
// keeps its analyzer (golangci-lint, gopls) must not keep every package
// it ever analysed, nor answer from files read runs ago.
type RunCaches struct {
	Reach      otelapi.Reach
	tables     tables
	loaded     loadedPkgs
	imports    importClauses // read for the -constants cycle check
	semconvUse semconvUse    // the semconv versions each module imports (semconvfix.go)
}

// Runs maps each run to its caches. Every pass of a run shares the run's
// *token.FileSet (the checker, unitchecker and golangci-lint all load a
// run with one), and nothing in the caches refers to it, so the FileSet
// is reachable for as long as the run's passes are, and no longer: the
// map holds it weakly, and a cleanup drops the run's entry when the
// FileSet is collected.
type Runs struct {
	mu sync.Mutex
	m  map[weak.Pointer[token.FileSet]]*RunCaches
}

// Of returns the caches Of the run that fset belongs to.
func (r *Runs) Of(fset *token.FileSet) *RunCaches {
	if fset == nil {
		return &RunCaches{} // a driver without a FileSet: one pass, its own caches
	}
	k := weak.Make(fset)
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.m[k]; ok {
		return c
	}
	if r.m == nil {
		r.m = make(map[weak.Pointer[token.FileSet]]*RunCaches)
	}
	c := &RunCaches{}
	r.m[k] = c
	runtime.AddCleanup(fset, r.drop, k)
	return c
}

// drop forgets a run whose FileSet was collected.
func (r *Runs) drop(k weak.Pointer[token.FileSet]) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.m, k)
}

// loadedPkgs are the -constants packages of a run type-checked from
// source (constLoader.load), by import path.
type loadedPkgs struct {
	mu sync.Mutex
	m  map[string]*types.Package
}
