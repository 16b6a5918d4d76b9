package registry

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/mod/semver"
)

// A Manifest is what the registry's manifest says of it.
type Manifest struct {
	File      string // the manifest's path; "" if the directory has none
	SchemaURL string // schema_url, or schema_base_url joined with semconv_version
	Name      string // the older manifests' name
}

// A Dependency is an entry of the manifest's dependencies and how it was
// satisfied.
type Dependency struct {
	SchemaURL    string // as written; "" for an older manifest's entry by name
	Name         string // an older manifest's name
	RegistryPath string // as written
	Pos          Pos    // the manifest line of the entry: its registry_path, else its schema_url

	// Upstream is the version of the OpenTelemetry semantic conventions
	// the dependency names ("1.37.0"), from its schema_url
	// (https://opentelemetry.io/schemas/1.37.0) or from a registry_path
	// naming the semantic-conventions repository at a tag; "" if it names
	// none.
	Upstream string
	// Embedded is set when the dependency is satisfied from the embedded
	// conventions (EmbeddedVersion) rather than read from Dir.
	Embedded bool
	// Dir is the directory (or manifest) read for a local registry_path.
	Dir string

	reg      *Registry
	embAttrs sync.Map // key -> *Attribute or nil, for an embedded dependency
}

func (d *Dependency) String() string {
	switch {
	case d.RegistryPath != "":
		return d.RegistryPath
	case d.SchemaURL != "":
		return d.SchemaURL
	}
	return d.Name
}

// Registry returns the registry read for a local registry_path, or nil.
func (d *Dependency) Registry() *Registry { return d.reg }

func (d *Dependency) attribute(key string) (*Attribute, bool) {
	if d.reg != nil {
		return d.reg.Attribute(key)
	}
	if !d.Embedded {
		return nil, false
	}
	if v, ok := d.embAttrs.Load(key); ok {
		a := v.(*Attribute)
		return a, a != nil
	}
	a := embeddedAttribute(key, d.String())
	d.embAttrs.Store(key, a)
	return a, a != nil
}

func (d *Dependency) event(name string) (*Event, bool) {
	if d.reg != nil {
		return d.reg.Event(name)
	}
	if d.Embedded {
		return embeddedEvent(name, d.String())
	}
	return nil, false
}

func (d *Dependency) metric(name string) (*Metric, bool) {
	if d.reg != nil {
		return d.reg.Metric(name)
	}
	if d.Embedded {
		return embeddedMetric(name, d.String())
	}
	return nil, false
}

// readManifest reads the manifest's schema URL and dependencies (not yet
// resolved).
func (r *Registry) readManifest(file string, src []byte) error {
	r.Manifest.File = file
	root, err := parseYAML(file, src)
	if err != nil {
		return err
	}
	p := &fileParser{file: file}
	switch root.kind {
	case kNull:
		return nil
	case kMap:
	default:
		p.failf(root, "a manifest must be a mapping, not %s", root.describe())
		return p.err
	}
	if f, fn := p.str(root, "file_format", false, "the manifest"); fn != nil {
		if f == "manifest/2.0" {
			p.failf(fn, "a publication manifest (file_format: manifest/2.0) points at a resolved registry; give the registry's definition directory instead")
		} else {
			p.failf(fn, "unknown file_format %q of the manifest", f)
		}
		return p.err
	}
	r.Manifest.SchemaURL, _ = p.str(root, "schema_url", false, "the manifest")
	r.Manifest.Name, _ = p.str(root, "name", false, "the manifest")
	if r.Manifest.SchemaURL == "" {
		base, _ := p.str(root, "schema_base_url", false, "the manifest")
		version, _ := p.str(root, "semconv_version", false, "the manifest")
		if base != "" && version != "" {
			r.Manifest.SchemaURL = strings.TrimSuffix(base, "/") + "/" + version
		}
	}
	for _, it := range p.list(root, "dependencies") {
		if p.err != nil || !p.mapping(it, "a dependency") {
			break
		}
		d := &Dependency{Pos: p.pos(it)}
		var sn, pn *node
		d.SchemaURL, sn = p.str(it, "schema_url", false, "a dependency")
		if sn != nil {
			d.Pos = p.pos(sn)
		}
		d.Name, _ = p.str(it, "name", false, "a dependency")
		d.RegistryPath, pn = p.str(it, "registry_path", false, "a dependency")
		if pn != nil {
			d.Pos = p.pos(pn)
		}
		if d.SchemaURL == "" && d.Name == "" && d.RegistryPath == "" {
			p.failf(it, "a dependency needs a schema_url (or, in older manifests, a name and a registry_path)")
		}
		r.Dependencies = append(r.Dependencies, d)
	}
	if p.err != nil {
		return p.err
	}
	return nil
}

var (
	upstreamSchema = regexp.MustCompile(`^https?://opentelemetry\.io/schemas/(\d+\.\d+\.\d+)/?$`)
	upstreamRepo   = regexp.MustCompile(`github\.com/open-telemetry/semantic-conventions`)
	versionInPath  = regexp.MustCompile(`v?(\d+\.\d+\.\d+)`)
	// registry_path: source[@refspec][[sub_folder]]
	vdirPath = regexp.MustCompile(`^(.+?)(?:@(.+?))?(?:\[(.+?)\])?$`)
)

// upstreamVersion returns the version of the semantic conventions a
// dependency names, and whether it names them at all.
func (d *Dependency) upstreamVersion() (string, bool) {
	if m := upstreamSchema.FindStringSubmatch(d.SchemaURL); m != nil {
		return m[1], true
	}
	if upstreamRepo.MatchString(d.RegistryPath) {
		if all := versionInPath.FindAllStringSubmatch(d.RegistryPath, -1); all != nil {
			return all[len(all)-1][1], true
		}
		return "", true
	}
	return "", false
}

func (r *Registry) resolveDependencies(opts Options, visiting []string) error {
	self, _ := filepath.Abs(r.Dir)
	visiting = append(visiting, self)
	for _, d := range r.Dependencies {
		if err := r.resolve(d, opts, visiting); err != nil {
			return err
		}
	}
	return nil
}

func (r *Registry) resolve(d *Dependency, opts Options, visiting []string) error {
	fail := func(format string, args ...any) error {
		return &Error{Pos: d.Pos, Msg: fmt.Sprintf(format, args...)}
	}
	version, upstream := d.upstreamVersion()
	d.Upstream = version
	named := slices.Contains(opts.UseEmbedded, d.RegistryPath) && d.RegistryPath != "" ||
		slices.Contains(opts.UseEmbedded, d.SchemaURL) && d.SchemaURL != "" ||
		upstream && slices.Contains(opts.UseEmbedded, "*")
	embed := func() error {
		if version != "" && semver.Compare("v"+version, "v"+EmbeddedVersion) > 0 {
			return fail("dependency %s is the semantic conventions %s, newer than the %s embedded in spanattrlint; put a copy of %s's model at a local registry_path", d, version, EmbeddedVersion, version)
		}
		d.Embedded = true
		return nil
	}
	if named {
		return embed()
	}

	src, sub := d.RegistryPath, ""
	if m := vdirPath.FindStringSubmatch(d.RegistryPath); m != nil {
		src, sub = m[1], m[3]
		if m[2] != "" && !isRemote(src) {
			src += "@" + m[2] // a local path with an @ in it
		}
	}
	switch {
	case d.RegistryPath == "" && upstream:
		return embed()
	case d.RegistryPath == "":
		return fail("dependency %s has no registry_path and is not the OpenTelemetry semantic conventions; give the local directory of its registry as registry_path", d)
	case isRemote(src) && upstream:
		return embed() // the semantic-conventions repository at a version: no network
	case isRemote(src):
		return fail("registry_path %q is remote and spanattrlint reads no network; copy that registry to a local directory and name it in registry_path", d.RegistryPath)
	case strings.HasSuffix(src, ".zip") || strings.HasSuffix(src, ".tar.gz"):
		return fail("registry_path %q is an archive; unpack it and name the directory", d.RegistryPath)
	}

	dir, looked := r.localDir(src, sub, opts)
	if dir == "" {
		missing := fmt.Sprintf("dependency registry_path %q is missing (no directory %s)", d.RegistryPath, strings.Join(looked, " nor "))
		if upstream {
			return fail("%s; fetch it there, or use %s=%s to take spanattrlint's embedded semantic conventions (%s) instead", missing, opts.embeddedOption(), d.RegistryPath, EmbeddedVersion)
		}
		if d.SchemaURL == "" {
			// No schema_url says what it is (a manifest that only names its
			// upstream copy, "name: opentelemetry"): it may be upstream.
			return fail("%s; fetch that registry there, or, if it is a copy of the OpenTelemetry semantic conventions, use %s=%s to take spanattrlint's embedded ones (%s) instead", missing, opts.embeddedOption(), d.RegistryPath, EmbeddedVersion)
		}
		return fail("%s; fetch that registry there", missing)
	}
	abs, _ := filepath.Abs(dir)
	if slices.Contains(visiting, abs) {
		return fail("dependency registry_path %q leads back to a registry that depends on it (a cycle)", d.RegistryPath)
	}
	d.Dir = dir
	reg, err := read(dir, opts, visiting)
	if err != nil {
		return err
	}
	d.reg = reg
	return nil
}

func isRemote(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// localDir finds a local registry_path: from BaseDir, then from the
// registry directory. The [sub_folder] is a directory under it. If there
// is none, looked lists where it looked.
func (r *Registry) localDir(src, sub string, opts Options) (dir string, looked []string) {
	var cands []string
	if filepath.IsAbs(src) {
		cands = []string{src}
	} else {
		base := opts.BaseDir
		if base == "" {
			base = "."
		}
		cands = []string{filepath.Join(base, src), filepath.Join(r.Dir, src)}
	}
	for _, c := range cands {
		c = filepath.Join(c, sub)
		if slices.Contains(looked, c) {
			continue
		}
		// A directory, or the path of its manifest, as Weaver takes it.
		if st, err := os.Stat(c); err == nil && (st.IsDir() || slices.Contains(manifestNames, filepath.Base(c))) {
			return c, nil
		}
		looked = append(looked, c)
	}
	return "", looked
}
