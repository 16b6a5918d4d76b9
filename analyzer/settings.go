package analyzer

import (
	"errors"
	"path/filepath"
	"slices"
	"sync"

	"github.com/spanattrlint/spanattrlint/internal/index"
	"github.com/spanattrlint/spanattrlint/internal/modresolve"
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"github.com/spanattrlint/spanattrlint/internal/regcheck"
	"github.com/spanattrlint/spanattrlint/internal/srcfs"
)

// Settings is a configuration decided: validated, with -constants resolved
// in the modules it has met. Resolve makes it before any package is
// analysed; NewFromSettings builds analyzers from it, which never resolve
// again in a module it has resolved. It is not changed after Resolve but
// to remember the resolution in a module met later (go.work, a driver that
// names packages of several modules), and is safe for concurrent use.
type Settings struct {
	cfg      Config
	res      *modresolve.Resolver // go.mod and go.work, for -constants and the semconv hint
	loader   *index.Loader
	keyFuncs []keyFunc        // -key-funcs, parsed
	inferred []keyFunc        // the wrappers a front end inferred across its packages (WithWrappers)
	reg      *regcheck.Loader // -registry, read once per module root; nil without
	// lazyRegistry: Prepare does not read -registry, the pass of a package
	// that can hold a key does (ShareRegistryIn, for go vet).
	lazyRegistry bool
	// newConsts: each Result can say what the analysis would report were
	// more constants declared (Result.WithConstants; WithNewConstants).
	newConsts bool

	keyFuncChecked sync.Map // module root -> the error of keyFuncPaths there, or nil
}

// Resolve validates the configuration and, with a dir, resolves each
// -constants pattern in the module that holds dir, so that a front end
// can stop before any package is analysed: the command, go vet mode, gen
// and the golangci-lint plugin all call it. Every error is a ConfigError.
func (c Config) Resolve(dir string) (*Settings, error) {
	s, err := c.decide(nil)
	if err != nil {
		return nil, err
	}
	if dir != "" {
		if _, err := s.constants(dir, true); err != nil {
			return nil, err
		}
		if err := s.keyFuncPaths(dir); err != nil {
			return nil, err
		}
	}
	if dir != "" || filepath.IsAbs(c.Registry) {
		if _, err := s.registryFor(dir); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// decide validates c and returns its Settings, with nothing resolved yet.
func (c Config) decide(res *modresolve.Resolver) (*Settings, error) {
	if err := c.Validate(); err != nil {
		return nil, &ConfigError{Err: err}
	}
	if res == nil {
		res = modresolve.NewResolver()
	}
	c = c.clone()
	kfs, _ := parseKeyFuncs(c.KeyFuncs) // Validate has parsed them
	return &Settings{cfg: c, res: res, loader: index.NewLoader(c.Constants, res, srcfs.New(nil, c.buildTags())), keyFuncs: kfs,
		reg: regcheck.NewLoader(c.Registry, c.RegistryEmbedded)}, nil
}

// WithWrappers returns settings that also treat the given wrappers, in
// -key-funcs form (FUNC:ARG[:KIND]), as -key-funcs functions: those that
// InferKeyFuncs found across the packages of a run. Unlike -key-funcs, an
// entry that a package cannot see, or that names no function there, is
// skipped, not an error. The settings share the module resolutions of s.
func (s *Settings) WithWrappers(entries []string) (*Settings, error) {
	inferred, err := parseKeyFuncs(entries)
	if err != nil {
		return nil, err
	}
	d := s.derive()
	d.inferred = inferred
	return d, nil
}

// derive returns a copy of s that shares its module resolutions (the
// -constants loader, the registry loader) but nothing it may change.
func (s *Settings) derive() *Settings {
	return &Settings{cfg: s.config(), res: s.res, loader: s.loader, keyFuncs: s.keyFuncs, inferred: s.inferred,
		reg: s.reg, lazyRegistry: s.lazyRegistry, newConsts: s.newConsts}
}

// config returns a copy of the configuration the settings were decided
// from, which shares nothing with them.
func (s *Settings) config() Config { return s.cfg.clone() }

// clone returns a copy of c that shares no slice with it.
func (c Config) clone() Config {
	c.Constants = slices.Clone(c.Constants)
	c.KeyPrefixes = slices.Clone(c.KeyPrefixes)
	c.ForbiddenKeys = slices.Clone(c.ForbiddenKeys)
	c.KeyFuncs = slices.Clone(c.KeyFuncs)
	c.RegistryEmbedded = slices.Clone(c.RegistryEmbedded)
	c.BuildTags = slices.Clone(c.BuildTags)
	return c
}

// Prepare resolves -constants (and checks that the module can provide the
// package of every -key-funcs name) for a package that a driver is about to
// analyse, with the rule the analyzer applies to it (in the module that
// holds dir, the package's directory; none for the semconv packages),
// so that a driver that knows its packages first reports a ConfigError
// before analysing any. hasModule says whether the driver gives the
// analyzer the package's module (Pass.Module).
func (s *Settings) Prepare(pkgPath, dir string, hasModule bool) error {
	if otelapi.IsSemconv(pkgPath) {
		return nil
	}
	if _, err := s.constants(dir, hasModule); err != nil {
		return err
	}
	if !s.lazyRegistry {
		if _, err := s.registryFor(dir); err != nil {
			return err
		}
	}
	return s.keyFuncPaths(dir)
}

// constants returns the -constants packages as seen from the module that
// holds dir, resolving them on first use in that module, or nil without
// -constants or a dir. It resolves even where nothing will be found, so
// that a pattern naming no package is reported on every run.
func (s *Settings) constants(dir string, hasModule bool) (*index.Module, error) {
	if len(s.cfg.Constants) == 0 || dir == "" {
		return nil, nil
	}
	mod, err := s.loader.PackagesFor(dir)
	if err != nil {
		if !hasModule && (mod == nil || mod.Mod == nil) {
			// No go.mod above the files and no module from the driver:
			// Bazel's nogo, which runs in a sandbox.
			return nil, &ConfigError{Err: errors.New("-constants needs module information (a go.mod), which this driver (Bazel nogo?) does not provide")}
		}
		return nil, err
	}
	return mod, nil
}

// ConfigError is an error in the configuration, such as a -constants entry
// that names no package. It is the same for every package of a run, so the
// command stops at the first one, before any fix is applied.
type ConfigError = index.ConfigError
