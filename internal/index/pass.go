package index

import (
	"go/types"
	"maps"
	"slices"

	"github.com/spanattrlint/spanattrlint/internal/modresolve"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/site"
	"golang.org/x/tools/go/analysis"
)

// Pass is the index of one package: where its candidate constants come
// from, how each finding's candidates rank, and the semconv packages that
// fixes import where the package imports none (semconvfix.go), made on
// first use and the same whoever asks first.
type Pass struct {
	pass           *analysis.Pass
	api            *otelapi.API
	dir            string     // the package's directory, "" if none
	mod            *Module    // the -constants packages, seen from the module; nil without
	loader         *Loader    // reads the -constants packages the package does not import
	run            *RunCaches // what the packages of the run share
	res            *modresolve.Resolver
	semconvVersion string // -semconv-version

	fixVersion     string
	fixVersionDone bool
	madePkgs       map[string]*types.Package
	deps           map[string]*types.Package // importGraph, made on first use
	configured     []*types.Package          // ConfiguredPackages, found on first use
	configuredDone bool
}

// PassInput is what the index reads of a pass and its settings.
type PassInput struct {
	Pass           *analysis.Pass
	API            *otelapi.API
	Dir            string
	Constants      *Module
	Loader         *Loader
	Run            *RunCaches
	Resolver       *modresolve.Resolver
	SemconvVersion string
}

// NewPass starts the index of a package.
func NewPass(in PassInput) *Pass {
	return &Pass{pass: in.Pass, api: in.API, dir: in.Dir, mod: in.Constants, loader: in.Loader, run: in.Run, res: in.Resolver, semconvVersion: in.SemconvVersion}
}

// Otel is the go.opentelemetry.io/otel version the package's module
// requires, "" if unknown (OtelVersion).
func (st *Pass) Otel() string { return OtelVersion(st.res, st.dir) }

func (st *Pass) moduleOtel(dir string) string { return OtelVersion(st.res, dir) }

// Rank gathers the candidate constants and ranks each finding's; then
// again, with the packages whose constants the fixes write in use, until
// those add none (adoptFixedPackages).
func (st *Pass) Rank(all []*site.Finding, uses Uses) ([]Table, Uses) {
	srcs := st.gatherSources(all, uses) // sources.go: the constant tables that may name a value
	st.rankCandidates(all, srcs)        // rank.go: each finding's constants, best first
	for {
		more, added := st.adoptFixedPackages(all, uses)
		if !added {
			return srcs, uses
		}
		uses = more
		srcs = st.gatherSources(all, uses)
		st.rankCandidates(all, srcs)
	}
}

// Uses is what the package's uses of named constants say
// (collectSites), and the packages whose constants the fixes write
// (adoptFixedPackages): a package in use offers all its constants.
type Uses struct {
	InUse     map[string]bool            // packages whose constants are used as keys or names
	MadeInUse map[string]bool            // packages made for semconv fixes that fixes write
	LocalUse  map[*types.Const]site.Role // the package's constants used as keys or names
}

// Packages lists, sorted, the Packages whose constants are used as keys
// or names.
func (u Uses) Packages() []string {
	return slices.Sorted(maps.Keys(u.InUse))
}

// Configured reports whether -constants names the package at path.
func (st *Pass) Configured(path string) bool { return Configured(st.mod, path) }
