// Package regcheck checks the keys, event names and values that the code
// emits against a team's Weaver registry (internal/registry): a key or
// event the registry and its dependencies do not declare, and, for a key
// the registry declares, a value of another type, an enum value that is no
// member, a deprecated key and, with a stability level, a key below it.
//
// Its inputs are explicit: the sites the analyzer found (a value, what it
// names, where) and the registry a Loader read; its output is diagnostics
// for the analyzer to report. It knows nothing of go/analysis passes.
package regcheck

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spanattrlint/spanattrlint/internal/registry"
)

// A Loader reads the registry of -registry at most once per module root
// (once per process for a front end that decides its settings once): a
// relative path is taken from the module root, as go.mod's own paths are.
// It is safe for concurrent use.
type Loader struct {
	path   string
	opts   registry.Options
	shared string // a directory where the first process leaves the registry read, for the others (ShareIn)

	mu    sync.Mutex
	byDir map[string]*loaded // by the registry's absolute directory
}

type loaded struct {
	once sync.Once
	reg  *Registry
	err  error
}

// NewLoader returns a loader of the registry at path (as -registry gives
// it) whose dependencies named in useEmbedded (-registry-embedded) are
// satisfied from the embedded conventions; nil if path is "".
func NewLoader(path string, useEmbedded []string) *Loader {
	if path == "" {
		return nil
	}
	return &Loader{path: path, opts: registry.Options{UseEmbedded: useEmbedded}, byDir: map[string]*loaded{}}
}

// ShareIn makes the loader keep each registry it reads in dir, encoded
// (registry.Encode), and decode it from there when it is already there:
// for go vet, which runs a process per package, dir being go vet's work
// directory of the run, which the run's processes share and the go
// command removes at its end. Decoding costs a tenth of reading the YAML.
// A registry that cannot be read is not kept: every process says so. It
// must be called before For.
func (l *Loader) ShareIn(dir string) { l.shared = dir }

// A Registry is a registry read for a module, with how its files are named
// in messages.
type Registry struct {
	*registry.Registry
	lazy
	root string // the module root a relative -registry was taken from (else the current directory)
}

// Display names a registry file in a message: relative to the module root
// when it is under it (as -registry names it), else as read.
func (r *Registry) Display(file string) string { return display(r.root, file) }

func display(root, file string) string {
	if !filepath.IsAbs(file) {
		return file
	}
	if rel, err := filepath.Rel(root, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel
	}
	return file
}

// For returns the registry as seen from the module whose root is root
// ("" when there is none: a relative path is then taken from the current
// directory), reading it on first use. A registry that cannot be read is a
// *registry.Error whose file is named as Display names it: one line,
// "registry/shop.yaml:LINE:COL: what".
func (l *Loader) For(root string) (*Registry, error) {
	dir := l.path
	if root == "" {
		root, _ = filepath.Abs(".")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(root, dir)
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	l.mu.Lock()
	e := l.byDir[dir]
	if e == nil {
		e = &loaded{}
		l.byDir[dir] = e
	}
	l.mu.Unlock()
	e.once.Do(func() {
		opts := l.opts
		opts.BaseDir = root
		key := ""
		if l.shared != "" {
			key = l.sharedName(dir, root)
			if reg, ok := decodeFile(key); ok {
				e.reg = &Registry{Registry: reg, root: root}
				return
			}
		}
		reg, err := registry.Read(dir, opts)
		if err != nil {
			if re, ok := err.(*registry.Error); ok {
				rel := *re
				rel.Pos.File = display(root, re.Pos.File)
				// Paths under the module root in the text too (a
				// missing dependency's directories), as -registry
				// names them.
				rel.Msg = strings.ReplaceAll(re.Msg, root+string(filepath.Separator), "")
				err = &rel
			}
			e.err = err
			return
		}
		e.reg = &Registry{Registry: reg, root: root}
		if key != "" {
			encodeFile(key, reg)
		}
	})
	return e.reg, e.err
}

// sharedName is the file in the shared directory that holds the registry
// of dir as read from root with the loader's options.
func (l *Loader) sharedName(dir, root string) string {
	h := sha256.New()
	for _, s := range append([]string{dir, root}, l.opts.UseEmbedded...) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return filepath.Join(l.shared, fmt.Sprintf("spanattrlint-registry-%x.gob", h.Sum(nil)[:12]))
}

// decodeFile decodes a registry that another process kept in name.
func decodeFile(name string) (*registry.Registry, bool) {
	f, err := os.Open(name)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	reg, err := registry.Decode(bufio.NewReader(f))
	return reg, err == nil
}

// encodeFile keeps reg in name for the other processes, written whole
// under another name first so that none decodes half a file. A failure
// only means that they read the YAML themselves.
func encodeFile(name string, reg *registry.Registry) {
	f, err := os.CreateTemp(filepath.Dir(name), ".spanattrlint-registry-*")
	if err != nil {
		return
	}
	w := bufio.NewWriter(f)
	err = reg.Encode(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}
