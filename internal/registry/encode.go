package registry

import (
	"encoding/gob"
	"fmt"
	"io"
)

// Encode writes the resolved registry, its dependencies read from disk
// included, in a form Decode reads back far faster than Read parses the
// YAML: for a front end that runs a process per package (go vet), whose
// first process reads the registry and the others decode its copy. The
// form is this package's own and holds only between the same binary's
// processes.
func (r *Registry) Encode(w io.Writer) error {
	return gob.NewEncoder(w).Encode(snapshotOf(r))
}

// Decode reads what Encode wrote.
func Decode(rd io.Reader) (*Registry, error) {
	var s snapshot
	if err := gob.NewDecoder(rd).Decode(&s); err != nil {
		return nil, fmt.Errorf("decoding a registry: %w", err)
	}
	return s.registry(), nil
}

// snapshot is a Registry with its unexported parts made fields.
type snapshot struct {
	Dir        string
	Manifest   Manifest
	Attributes []*Attribute
	Events     []*Event
	Metrics    []*Metric
	Spans      []*Span
	Imports    []Import
	Deps       []depSnapshot
	Groups     map[string]Pos
	Syntaxes   map[string]string
}

type depSnapshot struct {
	SchemaURL, Name, RegistryPath string
	Pos                           Pos
	Upstream                      string
	Embedded                      bool
	Dir                           string
	Reg                           *snapshot // a local registry_path's registry
}

func snapshotOf(r *Registry) *snapshot {
	s := &snapshot{Dir: r.Dir, Manifest: r.Manifest, Attributes: r.Attributes, Events: r.Events,
		Metrics: r.Metrics, Spans: r.Spans, Imports: r.Imports, Groups: r.groups, Syntaxes: r.Syntaxes}
	for _, d := range r.Dependencies {
		ds := depSnapshot{SchemaURL: d.SchemaURL, Name: d.Name, RegistryPath: d.RegistryPath, Pos: d.Pos,
			Upstream: d.Upstream, Embedded: d.Embedded, Dir: d.Dir}
		if d.reg != nil {
			ds.Reg = snapshotOf(d.reg)
		}
		s.Deps = append(s.Deps, ds)
	}
	return s
}

func (s *snapshot) registry() *Registry {
	r := &Registry{Dir: s.Dir, Manifest: s.Manifest, Attributes: s.Attributes, Events: s.Events,
		Metrics: s.Metrics, Spans: s.Spans, Imports: s.Imports, groups: s.Groups, Syntaxes: s.Syntaxes}
	if r.groups == nil {
		r.groups = map[string]Pos{}
	}
	for _, ds := range s.Deps {
		d := &Dependency{SchemaURL: ds.SchemaURL, Name: ds.Name, RegistryPath: ds.RegistryPath, Pos: ds.Pos,
			Upstream: ds.Upstream, Embedded: ds.Embedded, Dir: ds.Dir}
		if ds.Reg != nil {
			d.reg = ds.Reg.registry()
		}
		r.Dependencies = append(r.Dependencies, d)
	}
	r.index()
	return r
}
