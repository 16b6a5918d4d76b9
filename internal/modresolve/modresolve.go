// Package modresolve holds the one rule, shared by the analyzer and
// spanattrlint gen, for finding the main module (or go.work workspace)
// of a directory and mapping import paths to directories through go.mod
// and go.work, without running the go command.
package modresolve

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

// A Module is a module whose go.mod was read.
type Module struct {
	Root string        // the directory of go.mod, absolute
	Path string        // the module path
	File *modfile.File // the parsed go.mod
	// Work is the go.work workspace that uses the module, or nil: its
	// main modules are then every module of the workspace.
	Work *Workspace
}

// A Workspace is a go.work file and the modules it uses.
type Workspace struct {
	File    string // the go.work file, absolute
	Dir     string // its directory
	Modules []*Module
	work    *modfile.WorkFile
}

// ErrNotInModule is wrapped by the error for a directory no go.mod governs.
var ErrNotInModule = errors.New("not inside a Go module")

// A Resolver finds and caches modules and workspaces. It is safe for
// concurrent use.
type Resolver struct {
	gowork string // the GOWORK environment variable when it was made

	mu    sync.Mutex
	mods  map[string]*Module    // by root
	dirs  map[string]*Module    // by directory asked about
	works map[string]*Workspace // by go.work file
}

// NewResolver returns a resolver that honours GOWORK as the go command
// does: "off" disables workspaces, a path names the go.work file, and
// otherwise the nearest go.work above the module is used.
func NewResolver() *Resolver { return NewResolverEnv(nil) }

// NewResolverEnv is NewResolver for a go command run with env (as
// exec.Cmd.Env: nil is this process's environment, and the last GOWORK
// in it counts).
func NewResolverEnv(env []string) *Resolver {
	gowork := os.Getenv("GOWORK")
	if env != nil {
		gowork = ""
		for _, kv := range env {
			if v, ok := strings.CutPrefix(kv, "GOWORK="); ok {
				gowork = v
			}
		}
	}
	return &Resolver{gowork: gowork, mods: map[string]*Module{}, dirs: map[string]*Module{}, works: map[string]*Workspace{}}
}

// Module returns the main module whose go.mod governs dir, with the
// workspace that uses it, if any.
func (r *Resolver) Module(dir string) (*Module, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if m, ok := r.dirs[dir]; ok {
		return m, nil
	}
	for d := dir; ; d = filepath.Dir(d) {
		if m, ok := r.mods[d]; ok {
			r.dirs[dir] = m
			return m, nil
		}
		if fileExists(filepath.Join(d, "go.mod")) {
			m, err := r.readModule(d)
			if err != nil {
				return nil, err
			}
			if w, err := r.workspaceFor(d); err != nil {
				return nil, err
			} else if w != nil {
				for _, wm := range w.Modules {
					if wm.Root == m.Root {
						m = wm
					}
				}
			}
			r.dirs[dir] = m
			return m, nil
		}
		if filepath.Dir(d) == d {
			return nil, fmt.Errorf("%s is %w (no go.mod in it or above it)", dir, ErrNotInModule)
		}
	}
}

// Workspace returns the go.work workspace that governs dir, or nil when
// there is none (or GOWORK=off).
func (r *Resolver) Workspace(dir string) (*Workspace, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.workspaceFor(dir)
}

func (r *Resolver) workspaceFor(dir string) (*Workspace, error) {
	var file string
	switch r.gowork {
	case "off":
		return nil, nil
	case "":
		for d := dir; ; d = filepath.Dir(d) {
			if f := filepath.Join(d, "go.work"); fileExists(f) {
				file = f
				break
			}
			if filepath.Dir(d) == d {
				return nil, nil
			}
		}
	default:
		file = r.gowork
		if !filepath.IsAbs(file) {
			return nil, fmt.Errorf("GOWORK=%s: want an absolute path or off", file)
		}
	}
	if w, ok := r.works[file]; ok {
		return w, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	wf, err := modfile.ParseWork(file, data, nil)
	if err != nil {
		return nil, err
	}
	w := &Workspace{File: file, Dir: filepath.Dir(file), work: wf}
	r.works[file] = w
	for _, u := range wf.Use {
		d := u.Path
		if !filepath.IsAbs(d) {
			d = filepath.Join(w.Dir, filepath.FromSlash(d))
		}
		m, err := r.readModule(filepath.Clean(d))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", file, err)
		}
		m.Work = w
		w.Modules = append(w.Modules, m)
	}
	return w, nil
}

func (r *Resolver) readModule(root string) (*Module, error) {
	if m, ok := r.mods[root]; ok {
		return m, nil
	}
	name := filepath.Join(root, "go.mod")
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	f, err := modfile.Parse(name, data, nil)
	if err != nil {
		return nil, err
	}
	if f.Module == nil || f.Module.Mod.Path == "" {
		return nil, fmt.Errorf("%s has no module directive", name)
	}
	m := &Module{Root: root, Path: f.Module.Mod.Path, File: f}
	r.mods[root] = m
	return m, nil
}

// MainModules returns the main modules: m, or every module of its workspace.
func (m *Module) MainModules() []*Module {
	if m.Work != nil {
		return m.Work.Modules
	}
	return []*Module{m}
}

// MainModules returns the modules of the workspace.
func (w *Workspace) MainModules() []*Module { return w.Modules }

// Describe names the main modules for messages: "module example.com/app"
// or "workspace /w/go.work".
func (m *Module) Describe() string {
	if m.Work != nil {
		return "workspace " + m.Work.File
	}
	return "module " + m.Path
}

// Main returns the main module whose path is the longest prefix of
// importPath, and importPath relative to it ("" for the module's root
// package).
func (m *Module) Main(importPath string) (*Module, string, bool) {
	return Longest(m.MainModules(), importPath)
}

// Main is Module.Main for a workspace.
func (w *Workspace) Main(importPath string) (*Module, string, bool) {
	return Longest(w.Modules, importPath)
}

// Longest returns the module of mods whose path is the longest prefix of
// importPath, and importPath relative to it.
func Longest(mods []*Module, importPath string) (*Module, string, bool) {
	var best *Module
	var bestRel string
	for _, mm := range mods {
		if rel, ok := Within(importPath, mm.Path); ok && (best == nil || len(mm.Path) > len(best.Path)) {
			best, bestRel = mm, rel
		}
	}
	return best, bestRel, best != nil
}

// IsMain reports whether importPath is in a main module.
func (m *Module) IsMain(importPath string) bool {
	_, _, ok := m.Main(importPath)
	return ok
}

// Dir maps an import path to its directory: in a main module, in vendor
// (outside workspaces), or in a module that a require or replace directive
// names (the longest module path wins, as in the go command; a replace of
// the workspace wins over a module's). ok is false when go.mod and go.work
// cannot tell.
func (m *Module) Dir(importPath string) (string, bool) {
	if mm, rel, ok := m.Main(importPath); ok {
		return filepath.Join(mm.Root, filepath.FromSlash(rel)), true
	}
	if m.Work == nil && fileExists(filepath.Join(m.Root, "vendor", "modules.txt")) {
		return filepath.Join(m.Root, "vendor", filepath.FromSlash(importPath)), true
	}
	best, bestLen := "", -1
	for _, mm := range m.MainModules() {
		for _, r := range mm.File.Require {
			if rel, ok := Within(importPath, r.Mod.Path); ok && len(r.Mod.Path) > bestLen {
				best, bestLen = ModCacheDir(r.Mod, rel), len(r.Mod.Path)
			}
		}
	}
	replace := func(reps []*modfile.Replace, root string) {
		for _, r := range reps {
			rel, ok := Within(importPath, r.Old.Path)
			if !ok || len(r.Old.Path) < bestLen {
				continue
			}
			if r.New.Version == "" { // a directory
				d := r.New.Path
				if !filepath.IsAbs(d) {
					d = filepath.Join(root, d)
				}
				best, bestLen = filepath.Join(d, filepath.FromSlash(rel)), len(r.Old.Path)
			} else {
				best, bestLen = ModCacheDir(r.New, rel), len(r.Old.Path)
			}
		}
	}
	for _, mm := range m.MainModules() {
		replace(mm.File.Replace, mm.Root)
	}
	if m.Work != nil {
		replace(m.Work.work.Replace, m.Work.Dir)
	}
	return best, best != ""
}

// Require returns the version of module modPath that the build uses, as
// far as go.mod (and go.work) say: the highest version that a main module
// requires, or a replacement's version. ok is false when no main module
// requires it, or a replacement is a directory (whose version go.mod
// cannot tell).
func (m *Module) Require(modPath string) (version string, ok bool) {
	for _, mm := range m.MainModules() {
		for _, r := range mm.File.Require {
			if r.Mod.Path == modPath && (version == "" || semver.Compare(r.Mod.Version, version) > 0) {
				version = r.Mod.Version
			}
		}
	}
	var reps []*modfile.Replace
	for _, mm := range m.MainModules() {
		reps = append(reps, mm.File.Replace...)
	}
	if m.Work != nil {
		reps = append(reps, m.Work.work.Replace...) // the workspace's win
	}
	for _, r := range reps {
		if r.Old.Path == modPath && (r.Old.Version == "" || r.Old.Version == version) {
			if r.New.Version == "" {
				return "", false // a directory
			}
			version = r.New.Version
		}
	}
	return version, version != ""
}

// Within returns importPath relative to module path modPath ("" for the
// module's root package) if the module holds it.
func Within(importPath, modPath string) (rel string, ok bool) {
	if importPath == modPath {
		return "", true
	}
	if modPath != "" && strings.HasPrefix(importPath, modPath+"/") {
		return importPath[len(modPath)+1:], true
	}
	return "", false
}

// ModCacheDir is the directory of rel in the module cache's copy of mod,
// or "" when the path cannot be escaped.
func ModCacheDir(mod module.Version, rel string) string {
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		gopath := os.Getenv("GOPATH")
		if gopath == "" {
			home, _ := os.UserHomeDir()
			gopath = filepath.Join(home, "go")
		}
		cache = filepath.Join(filepath.SplitList(gopath)[0], "pkg", "mod")
	}
	esc, err := module.EscapePath(mod.Path)
	if err != nil {
		return ""
	}
	escv, err := module.EscapeVersion(mod.Version)
	if err != nil {
		return ""
	}
	return filepath.Join(cache, esc+"@"+escv, filepath.FromSlash(rel))
}

// Rel returns name relative to the first main module root (or, for a
// workspace, the go.work directory) that holds it, with forward slashes.
func Rel(base string, roots []*Module, name string) (string, bool) {
	for _, m := range roots {
		if inside(m.Root, name) {
			r, err := filepath.Rel(base, name)
			if err != nil {
				return "", false
			}
			return filepath.ToSlash(r), true
		}
	}
	return "", false
}

// Holder returns the main module of mods whose root holds dir (the
// deepest one), or nil.
func Holder(mods []*Module, dir string) *Module {
	var best *Module
	for _, m := range mods {
		if inside(m.Root, dir) && (best == nil || len(m.Root) > len(best.Root)) {
			best = m
		}
	}
	return best
}

func inside(root, name string) bool {
	r, err := filepath.Rel(root, name)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// Requirer returns the module, among those the main modules require,
// whose path is the longest prefix of importPath.
func (m *Module) Requirer(importPath string) (module.Version, bool) {
	var best module.Version
	for _, mm := range m.MainModules() {
		for _, r := range mm.File.Require {
			if _, ok := Within(importPath, r.Mod.Path); ok && len(r.Mod.Path) > len(best.Path) {
				best = r.Mod
			}
		}
	}
	return best, best.Path != ""
}

// PackageDirs yields root and the directories under it that the go
// command's "root/..." pattern may hold packages of: it skips testdata,
// vendor, directories whose name starts with "." or "_", and nested
// modules (a directory with a go.mod), as the go command does.
func PackageDirs(root string) iter.Seq[string] {
	return func(yield func(string) bool) {
		filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if dir != root {
				name := d.Name()
				if name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
					return filepath.SkipDir
				}
				if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			if !yield(dir) {
				return filepath.SkipAll
			}
			return nil
		})
	}
}
