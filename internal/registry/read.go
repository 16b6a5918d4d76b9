package registry

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/nearmiss"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// Options control how Read resolves the manifest's dependencies.
type Options struct {
	// BaseDir is the directory a relative registry_path is taken from
	// first (Weaver takes it from the directory it runs in; spanattrlint
	// passes the module root). A path not found there is taken from the
	// registry directory. "" is the current directory.
	BaseDir string

	// UseEmbedded names dependencies to satisfy from spanattrlint's
	// embedded semantic conventions instead of from disk, each by its
	// registry_path or schema_url exactly as the manifest writes it, or
	// "*" for every dependency on the OpenTelemetry semantic conventions.
	// It is for a git-ignored local copy of upstream that a make target
	// fetches and CI does not: ".deps/upstream-v1.37.0[model]".
	UseEmbedded []string

	// EmbeddedOption is how a message names the option that sets
	// UseEmbedded, followed by "=" and the dependency; "" is
	// "-registry-embedded".
	EmbeddedOption string
}

func (o *Options) embeddedOption() string {
	if o.EmbeddedOption == "" {
		return "-registry-embedded"
	}
	return o.EmbeddedOption
}

// The file names of a manifest, the current one first (Weaver reads
// manifest.yaml and, failing that, the older registry_manifest.yaml).
var manifestNames = []string{"manifest.yaml", "registry_manifest.yaml"}

// Read reads the registry in directory dir (or the manifest file dir
// names), resolves its dependencies and its references, and returns the
// model, or an *Error that says, in one line, where and what is wrong.
func Read(dir string, opts Options) (reg *Registry, err error) {
	defer func() {
		if r := recover(); r != nil {
			reg, err = nil, &Error{Pos: Pos{File: dir}, Msg: oneLine(fmt.Sprintf("%s (please report it with this registry): %v", internalError, r))}
		}
	}()
	return read(dir, opts, nil)
}

func read(dir string, opts Options, visiting []string) (*Registry, error) {
	if dir == "" {
		return nil, &Error{Msg: "no registry directory given"}
	}
	st, err := os.Stat(dir)
	switch {
	case err != nil:
		return nil, &Error{Pos: Pos{File: dir}, Msg: "cannot read the registry: " + pathErr(err)}
	case !st.IsDir():
		// The path of a manifest, as weaver takes it.
		return readFS(os.DirFS(filepath.Dir(dir)), filepath.Dir(dir), filepath.Base(dir), opts, visiting)
	}
	return readFS(os.DirFS(dir), dir, "", opts, visiting)
}

func pathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

// readFS reads the registry held by fsys, whose files are named in
// positions as dir joined with their path. manifest is the manifest's
// name in fsys, or "" to look for one.
func readFS(fsys fs.FS, dir, manifest string, opts Options, visiting []string) (*Registry, error) {
	r := &Registry{Dir: dir}
	display := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	if manifest == "" {
		for _, m := range manifestNames {
			if st, err := fs.Stat(fsys, m); err == nil && !st.IsDir() {
				manifest = m
				break
			}
		}
	}
	if manifest != "" {
		src, err := fs.ReadFile(fsys, manifest)
		if err != nil {
			return nil, &Error{Pos: Pos{File: display(manifest)}, Msg: "cannot read the manifest: " + pathErr(err)}
		}
		if err := r.readManifest(display(manifest), src); err != nil {
			return nil, err
		}
	}

	// Every .yaml and .yml file under the directory, as Weaver reads them:
	// hidden files and directories skipped, the manifest too.
	var files []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		base := path.Base(name)
		if name != "." && strings.HasPrefix(base, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || slices.Contains(manifestNames, base) || base == manifest || base == "schema-next.yaml" {
			return nil
		}
		if ext := path.Ext(base); ext == ".yaml" || ext == ".yml" {
			files = append(files, name)
		}
		return nil
	})
	if err != nil {
		return nil, &Error{Pos: Pos{File: dir}, Msg: "cannot read the registry: " + pathErr(err)}
	}
	slices.Sort(files)

	var decls []*fileDecls
	for _, f := range files {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, &Error{Pos: Pos{File: display(f)}, Msg: "cannot read: " + pathErr(err)}
		}
		d, err := parseFile(display(f), src)
		if err != nil {
			return nil, err
		}
		decls = append(decls, d)
	}

	if err := r.resolveDependencies(opts, visiting); err != nil {
		return nil, err
	}
	if err := r.merge(decls); err != nil {
		return nil, err
	}
	return r, nil
}

// merge gathers the files' declarations, refusing duplicates, then
// resolves their references.
func (r *Registry) merge(decls []*fileDecls) error {
	type kindName struct{ kind, name string }
	seen := map[kindName]Pos{}
	dup := func(kind, name string, pos Pos) error {
		k := kindName{kind, name}
		if first, ok := seen[k]; ok {
			return &Error{Pos: pos, Msg: fmt.Sprintf("%s %q is declared twice (first at %s)", kind, name, first)}
		}
		seen[k] = pos
		return nil
	}
	r.groups = map[string]Pos{}
	r.Syntaxes = map[string]string{}
	for _, d := range decls {
		if d.syntax != "" {
			r.Syntaxes[d.file] = d.syntax
		}
		for _, a := range d.attrs {
			if err := dup("attribute", a.Key, a.Pos); err != nil {
				return err
			}
			r.Attributes = append(r.Attributes, a)
		}
		for _, e := range d.events {
			if err := dup("event", e.Name, e.Pos); err != nil {
				return err
			}
			r.Events = append(r.Events, e)
		}
		for _, m := range d.metrics {
			if err := dup("metric", m.Name, m.Pos); err != nil {
				return err
			}
			r.Metrics = append(r.Metrics, m)
		}
		for _, s := range d.spans {
			if err := dup("span", s.Type, s.Pos); err != nil {
				return err
			}
			r.Spans = append(r.Spans, s)
		}
		for _, n := range d.names {
			if err := dup(n.kind, n.name, n.pos); err != nil {
				return err
			}
			r.groups[n.kind+"\x00"+n.name] = n.pos
		}
		r.Imports = append(r.Imports, d.imports...)
	}
	sortByKey(r.Attributes, func(a *Attribute) string { return a.Key })
	sortByKey(r.Events, func(e *Event) string { return e.Name })
	sortByKey(r.Metrics, func(m *Metric) string { return m.Name })
	sortByKey(r.Spans, func(s *Span) string { return s.Type })
	r.index()

	for _, d := range decls {
		for _, ref := range d.attrRefs {
			if _, ok := r.Attribute(ref.name); !ok {
				return &Error{Pos: ref.pos, Msg: fmt.Sprintf("ref %q names no attribute of the registry or its dependencies%s", ref.name, r.didYouMean(ref.name))}
			}
		}
		for _, ref := range d.groupRefs {
			if !r.knows("group", ref.name) {
				return &Error{Pos: ref.pos, Msg: fmt.Sprintf("ref_group %q names no attribute group of the registry or its dependencies", ref.name)}
			}
		}
		for _, ref := range d.signalRefs {
			if !r.knows(ref.kind, ref.name) {
				return &Error{Pos: ref.pos, Msg: fmt.Sprintf("ref %q names no %s of the registry or its dependencies", ref.name, ref.kind)}
			}
		}
	}
	return nil
}

// knows reports whether the registry or a dependency declares the group,
// entity or signal kind name, or might: the embedded conventions hold no
// group ids, entities, spans or metrics, so a name they might declare is
// not refused.
func (r *Registry) knows(kind, name string) bool {
	switch kind {
	case "span":
		if _, ok := r.spans[name]; ok {
			return true
		}
	case "event":
		if _, ok := r.events[name]; ok {
			return true
		}
	case "metric":
		if _, ok := r.metrics[name]; ok {
			return true
		}
	default:
		if _, ok := r.groups[kind+"\x00"+name]; ok {
			return true
		}
	}
	for _, d := range r.Dependencies {
		switch {
		case d.reg != nil && d.reg.knows(kind, name):
			return true
		case d.Embedded && kind == "event":
			if _, ok := d.event(name); ok {
				return true
			}
		case d.Embedded:
			return true
		}
	}
	return false
}

// didYouMean names the declared key that key is most likely a typo of,
// as "; did you mean "k"?", or "". It runs only for an error.
func (r *Registry) didYouMean(key string) string {
	var entries []nearmiss.Entry[struct{}]
	var add func(*Registry)
	add = func(reg *Registry) {
		for _, a := range reg.Attributes {
			entries = append(entries, nearmiss.Entry[struct{}]{Value: a.Key})
		}
		for _, d := range reg.Dependencies {
			switch {
			case d.reg != nil:
				add(d.reg)
			case d.Embedded:
				for _, a := range semconvtab.Attributes() {
					entries = append(entries, nearmiss.Entry[struct{}]{Value: a.Key})
				}
			}
		}
	}
	add(r)
	if e, ok := nearmiss.NewPool(entries).Nearest(key); ok {
		return fmt.Sprintf("; did you mean %q?", e.Value)
	}
	return ""
}
