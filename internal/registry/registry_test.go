package registry

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func mustRead(t *testing.T, dir string, opts Options) *Registry {
	t.Helper()
	r, err := Read(dir, opts)
	if err != nil {
		t.Fatalf("Read(%s): %v", dir, err)
	}
	return r
}

// TestReadShop checks what a user's checks will read of the v1 registry:
// types, enum members, stability, deprecations, positions, signals, and
// keys that fall through to the embedded upstream conventions.
func TestReadShop(t *testing.T) {
	r := mustRead(t, "testdata/shop-v1", Options{})

	if got, want := r.Manifest.SchemaURL, "https://example.com/schemas/shop/1.2.0"; got != want {
		t.Errorf("schema URL %q, want %q", got, want)
	}
	if len(r.Dependencies) != 1 || !r.Dependencies[0].Embedded || r.Dependencies[0].Upstream != "1.37.0" {
		t.Fatalf("dependencies %+v, want one embedded upstream 1.37.0", r.Dependencies)
	}
	if got := r.Dependencies[0].Pos.String(); got != filepath.Join("testdata", "shop-v1", "manifest.yaml")+":6:17" {
		t.Errorf("dependency at %s", got)
	}

	id, ok := r.Attribute("shop.order.id")
	if !ok {
		t.Fatal("shop.order.id not found")
	}
	if got, want := id.Pos.String(), filepath.Join("testdata", "shop-v1", "model", "order.yaml")+":6:13"; got != want {
		t.Errorf("shop.order.id declared at %s, want %s", got, want)
	}
	if id.Type != "string" || id.Stability != "stable" || id.Brief != "The order's identifier." || id.Origin != "" {
		t.Errorf("shop.order.id = %+v", id)
	}

	st, _ := r.Attribute("shop.order.status")
	var vals []string
	for _, m := range st.Members {
		vals = append(vals, m.Value)
	}
	if st.Type != "enum" || st.ValueType() != "string" || strings.Join(vals, ",") != "pending,paid,cancelled,canceled" {
		t.Errorf("shop.order.status: type %s/%s, members %v", st.Type, st.ValueType(), vals)
	}
	if d := st.Members[3].Deprecated; d == nil || d.Reason != "uncategorized" || d.Note != "Use `cancelled`." {
		t.Errorf("member canceled deprecation %+v", d)
	}
	if pr, _ := r.Attribute("shop.order.priority"); pr.ValueType() != "int" || pr.Members[1].Value != "2" {
		t.Errorf("shop.order.priority: %+v", pr)
	}
	if tier, _ := r.Attribute("shop.customer.tier"); tier.Deprecated == nil || tier.Deprecated.Reason != "renamed" || tier.Deprecated.RenamedTo != "shop.customer.level" {
		t.Errorf("shop.customer.tier deprecation %+v", tier.Deprecated)
	}
	if fl, _ := r.Attribute("shop.customer.legacy_flag"); fl.Deprecated == nil || fl.Deprecated.Reason != "obsoleted" {
		t.Errorf("shop.customer.legacy_flag deprecation %+v", fl.Deprecated)
	}

	// Template keys by prefix, and only under a dot.
	if a, ok := r.Lookup("shop.request.header.x_request_id"); !ok || a.Key != "shop.request.header" || a.ValueType() != "string" {
		t.Errorf("Lookup(shop.request.header.x_request_id) = %+v, %v", a, ok)
	}
	if _, ok := r.Lookup("shop.request.headers"); ok {
		t.Error("shop.request.headers matched the template shop.request.header")
	}
	if _, ok := r.Lookup("shop.order.idd"); ok {
		t.Error("shop.order.idd found")
	}

	// Upstream keys through the embedded conventions: a current enum,
	// a deprecated renamed key, a template, a key only the Go package has.
	m, ok := r.Lookup("http.request.method")
	if !ok || m.Origin != "https://opentelemetry.io/schemas/1.37.0" || m.Type != "enum" || m.Stability != "stable" {
		t.Fatalf("http.request.method = %+v, %v", m, ok)
	}
	if !hasMember(m, "GET") {
		t.Errorf("http.request.method members lack GET: %+v", m.Members)
	}
	if d, ok := r.Lookup("http.method"); !ok || d.Deprecated == nil || d.Deprecated.RenamedTo != "http.request.method" {
		t.Errorf("http.method = %+v, %v", d, ok)
	}
	if h, ok := r.Lookup("http.request.header.content_type"); !ok || h.Key != "http.request.header" || h.ValueType() != "string[]" {
		t.Errorf("http.request.header.content_type = %+v, %v", h, ok)
	}
	if s, ok := r.Lookup("server.address"); !ok || s.Type != "string" {
		t.Errorf("server.address = %+v, %v", s, ok)
	}

	if e, ok := r.Event("shop.order.placed"); !ok || strings.Join(e.Attributes, ",") != "shop.order.id,shop.order.total" || e.Origin != "" {
		t.Errorf("event shop.order.placed = %+v, %v", e, ok)
	}
	if e, ok := r.Event("exception"); !ok || e.Origin == "" {
		t.Errorf("upstream event exception = %+v, %v", e, ok)
	}
	if mt, ok := r.Metric("shop.orders"); !ok || mt.Instrument != "counter" || mt.Unit != "{order}" {
		t.Errorf("metric shop.orders = %+v, %v", mt, ok)
	}
	// The embedded dependency answers for the conventions' metrics.
	if mt, ok := r.Metric("http.server.request.duration"); !ok || mt.Instrument != "histogram" || mt.Unit != "s" || mt.Origin == "" {
		t.Errorf("upstream metric http.server.request.duration = %+v, %v", mt, ok)
	}
	if mt, ok := r.Metric("shop.no.such.metric"); ok {
		t.Errorf("metric shop.no.such.metric = %+v", mt)
	}
	if sp, ok := r.Span("span.shop.checkout"); !ok || sp.Kind != "server" || len(sp.Attributes) != 4 {
		t.Errorf("span span.shop.checkout = %+v, %v", sp, ok)
	}
	if r.CoversSpans() {
		t.Error("CoversSpans with an embedded dependency")
	}
	if len(r.Imports) != 1 || !r.Imports[0].Matches("http.server.request.duration") || r.Imports[0].Kind != "metrics" {
		t.Errorf("imports %+v", r.Imports)
	}
}

// TestConcurrentLookups: the analyzer looks keys up from many passes at
// once; the embedded dependency's cache must hold (run with -race).
func TestConcurrentLookups(t *testing.T) {
	r := mustRead(t, "testdata/shop-v2", Options{})
	keys := []string{"http.request.method", "http.method", "server.address", "shop.order.id", "url.full", "no.such.key"}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 200; i++ {
				k := keys[(i+g)%len(keys)]
				a, ok := r.Lookup(k)
				if ok != (k != "no.such.key") || (ok && a.Key != k) {
					t.Errorf("Lookup(%s) = %+v, %v", k, a, ok)
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	if _, ok := r.Lookup("shop.request.header"); ok {
		t.Error("Lookup found a template's own key")
	}
}

func hasMember(a *Attribute, value string) bool {
	for _, m := range a.Members {
		if m.Value == value {
			return true
		}
	}
	return false
}

// TestSyntaxesAgree: the v1 registry and the same registry written in v2
// give the same model, positions and the v2-only span name aside.
func TestSyntaxesAgree(t *testing.T) {
	v1 := mustRead(t, "testdata/shop-v1", Options{})
	v2 := mustRead(t, "testdata/shop-v2", Options{})
	dep := func(d *Deprecation) string {
		if d == nil {
			return "-"
		}
		return fmt.Sprintf("%+v", *d)
	}
	norm := func(r *Registry) string {
		var b strings.Builder
		for _, a := range r.Attributes {
			c := *a
			c.Pos, c.Members, c.Deprecated = Pos{}, nil, nil
			fmt.Fprintf(&b, "attr %+v deprecated %s\n", c, dep(a.Deprecated))
			for _, m := range a.Members {
				d := m.Deprecated
				m.Pos, m.Deprecated = Pos{}, nil
				fmt.Fprintf(&b, "  member %+v deprecated %s\n", m, dep(d))
			}
		}
		for _, e := range r.Events {
			c := *e
			c.Pos, c.Deprecated = Pos{}, nil
			fmt.Fprintf(&b, "event %+v deprecated %s\n", c, dep(e.Deprecated))
		}
		for _, m := range r.Metrics {
			c := *m
			c.Pos, c.Deprecated = Pos{}, nil
			fmt.Fprintf(&b, "metric %+v deprecated %s\n", c, dep(m.Deprecated))
		}
		for _, s := range r.Spans {
			c := *s
			c.Pos, c.Name, c.Deprecated = Pos{}, "", nil
			fmt.Fprintf(&b, "span %+v deprecated %s\n", c, dep(s.Deprecated))
		}
		for _, i := range r.Imports {
			fmt.Fprintf(&b, "import %s %s\n", i.Kind, i.Pattern)
		}
		return b.String()
	}
	a, b := norm(v1), norm(v2)
	if a != b {
		t.Errorf("v1 and v2 models differ:\nv1:\n%s\nv2:\n%s", a, b)
	}
	if len(v1.Attributes) != 11 || len(v1.Metrics) != 2 {
		t.Errorf("v1 has %d attributes, %d metrics; want 11, 2", len(v1.Attributes), len(v1.Metrics))
	}
}

// TestBadRegistries: each registry under testdata/bad gives the one line
// in its want.txt, and nothing more.
func TestBadRegistries(t *testing.T) {
	dirs, err := filepath.Glob("testdata/bad/*")
	if err != nil || len(dirs) == 0 {
		t.Fatal("no bad registries", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(dir, "want.txt"))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Read(dir, Options{})
			if err == nil {
				t.Fatalf("read %d attributes, want the error %s", len(r.Attributes), want)
			}
			var re *Error
			if !errors.As(err, &re) {
				t.Errorf("error %T, want *Error", err)
			}
			if got := err.Error(); got != strings.TrimSpace(string(want)) {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// TestLocalDependency reads a registry in the older manifest form
// (name, schema_base_url, semconv_version) whose dependency is a local
// registry (v2, .yml) that itself depends on upstream.
func TestLocalDependency(t *testing.T) {
	r := mustRead(t, "testdata/withdeps", Options{})
	if r.Manifest.SchemaURL != "https://example.com/schemas/billing/0.3.0" {
		t.Errorf("schema URL %q", r.Manifest.SchemaURL)
	}
	d := r.Dependencies[0]
	if d.Embedded || d.Registry() == nil || d.Dir != filepath.Join("testdata", "withdeps", "..", "platform") {
		t.Fatalf("dependency %+v", d)
	}
	// The group's prefix makes the key; the old string form of deprecated.
	id, ok := r.Attribute("billing.invoice.id")
	if !ok || id.Deprecated == nil || id.Deprecated.Reason != "unspecified" || id.Deprecated.Note != "Use `billing.invoice.number`." {
		t.Errorf("billing.invoice.id = %+v, %v", id, ok)
	}
	tenant, ok := r.Attribute("platform.tenant.id")
	if !ok || tenant.Origin != "" || tenant.Pos.String() != filepath.Join("testdata", "withdeps", "..", "platform", "tenant.yml")+":3:10" {
		t.Errorf("platform.tenant.id = %+v, %v", tenant, ok)
	}
	// The same dependency named by the path of its manifest.
	tmp := t.TempDir()
	copyDir(t, "testdata/withdeps", filepath.Join(tmp, "withdeps"))
	copyDir(t, "testdata/platform", filepath.Join(tmp, "platform"))
	man := filepath.Join(tmp, "withdeps", "registry_manifest.yaml")
	b, _ := os.ReadFile(man)
	writeFile(t, man, strings.Replace(string(b), "registry_path: ../platform", "registry_path: ../platform/manifest.yaml", 1))
	if r2, err := Read(filepath.Join(tmp, "withdeps"), Options{}); err != nil {
		t.Errorf("dependency by its manifest: %v", err)
	} else if _, ok := r2.Attribute("platform.tenant.id"); !ok {
		t.Error("dependency by its manifest: platform.tenant.id not found")
	}
	if _, ok := r.Attribute("user.id"); !ok {
		t.Error("user.id (upstream, through the dependency's dependency) not found")
	}
	if m, ok := r.Metric("platform.tenants"); !ok || m.Instrument != "updowncounter" {
		t.Errorf("metric platform.tenants = %+v, %v", m, ok)
	}
	if r.CoversSpans() {
		t.Error("CoversSpans, though the dependency's dependency is embedded")
	}
}

// TestUseEmbedded: the missing local copy of upstream is satisfied from
// the embedded conventions when the option names it, by its
// registry_path or with "*".
func TestUseEmbedded(t *testing.T) {
	for _, use := range []string{".deps/upstream-v1.37.0[model]", "*", "https://opentelemetry.io/schemas/1.37.0"} {
		r, err := Read("testdata/bad/missing-upstream-copy", Options{UseEmbedded: []string{use}})
		if err != nil {
			t.Errorf("UseEmbedded %q: %v", use, err)
			continue
		}
		if d := r.Dependencies[0]; !d.Embedded || d.Upstream != "1.37.0" {
			t.Errorf("UseEmbedded %q: dependency %+v", use, d)
		}
	}
	_, err := Read("testdata/bad/missing-upstream-copy", Options{UseEmbedded: []string{"other"}, EmbeddedOption: "registry-embedded (setting)"})
	if err == nil || !strings.Contains(err.Error(), "use registry-embedded (setting)=.deps/upstream-v1.37.0[model] ") {
		t.Errorf("without a matching UseEmbedded: %v", err)
	}
}

// TestBaseDir: a relative registry_path is found from BaseDir (where
// weaver would run) before the registry directory.
func TestBaseDir(t *testing.T) {
	base := t.TempDir()
	reg := filepath.Join(base, "telemetry")
	copyDir(t, "testdata/bad/missing-upstream-copy", reg)
	model := filepath.Join(base, ".deps", "upstream-v1.37.0", "model")
	if err := os.MkdirAll(model, 0o755); err != nil {
		t.Fatal(err)
	}
	// A stand-in for upstream's model, declaring the one key the
	// registry refs, so that the registry is read from disk, not the
	// embedded tables.
	writeFile(t, filepath.Join(model, "http.yaml"), "groups:\n  - id: registry.http\n    type: attribute_group\n    brief: HTTP.\n    attributes:\n      - id: http.request.method\n        type: string\n        stability: stable\n        brief: The method.\n")
	r, err := Read(reg, Options{BaseDir: base})
	if err != nil {
		t.Fatal(err)
	}
	if d := r.Dependencies[0]; d.Embedded || d.Dir != model {
		t.Errorf("dependency %+v, want read from %s", d, model)
	}
	if a, _ := r.Attribute("http.request.method"); a == nil || a.Type != "string" {
		t.Errorf("http.request.method = %+v, want the disk copy's string", a)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestYAMLForms: anchors, aliases, merge keys, flow style, block scalars
// and tags read as YAML defines them; an alias to nothing is positioned.
func TestYAMLForms(t *testing.T) {
	src := `groups:
  - id: registry.x
    type: attribute_group
    brief: >
      Folded
      brief.
    attributes:
      - &base
        id: x.a
        type: string
        stability: development
        brief: !!str 12
      - <<: *base
        id: x.b
      - {id: x.c, type: int, stability: experimental, brief: "c", deprecated: false}
      - {id: x.d, type: int, stability: development, brief: "d", deprecated: true}
`
	r, err := readFS(fstest.MapFS{"x.yaml": {Data: []byte(src)}}, "reg", "", Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := r.Attribute("x.a")
	b, _ := r.Attribute("x.b")
	c, _ := r.Attribute("x.c")
	if a == nil || b == nil || c == nil {
		t.Fatalf("x.a %v, x.b %v, x.c %v", a, b, c)
	}
	if d, _ := r.Attribute("x.d"); d == nil || d.Deprecated == nil || d.Deprecated.Reason != "unspecified" || c.Deprecated != nil {
		t.Errorf("deprecated: true gave %+v, deprecated: false %+v", d, c.Deprecated)
	}
	if a.Brief != "12" || b.Type != "string" || b.Brief != "12" || c.Stability != "development" {
		t.Errorf("x.a %+v, x.b %+v, x.c %+v", a, b, c)
	}
	if got, want := b.Pos.String(), filepath.Join("reg", "x.yaml")+":14:13"; got != want {
		t.Errorf("x.b at %s, want %s", got, want)
	}

	_, err = readFS(fstest.MapFS{"x.yaml": {Data: []byte("groups:\n  - *nothing\n")}}, "reg", "", Options{}, nil)
	if err == nil || err.Error() != filepath.Join("reg", "x.yaml")+":2:5: malformed YAML: unknown anchor 'nothing' referenced" {
		t.Errorf("alias to nothing: %v", err)
	}
}

// TestAliasBomb: nested aliases that would expand to a billion nodes are
// refused, at the alias that goes over, instead of exhausting the walk.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	b.WriteString("groups: []\n")
	_, err := readFS(fstest.MapFS{"x.yaml": {Data: []byte(b.String())}}, "reg", "", Options{}, nil)
	if err == nil || !strings.Contains(err.Error(), "expands to more than") {
		t.Errorf("alias bomb: %v", err)
	}
}

// An error is one line that starts with a position.
var errLine = regexp.MustCompile(`^[^\n]+\.ya?ml:\d+:\d+: [^\n]+$`)

func checkOneResult(t *testing.T, r *Registry, err error) {
	t.Helper()
	switch {
	case err == nil && r == nil:
		t.Fatal("neither a registry nor an error")
	case err != nil && r != nil:
		t.Fatal("both a registry and an error")
	case err != nil && !errLine.MatchString(err.Error()):
		t.Fatalf("error is not one positioned line: %q", err)
	case err != nil && strings.Contains(err.Error(), internalError):
		t.Fatalf("the reader panicked: %v", err)
	}
}

// FuzzParse reads a registry of one fuzzed file (both syntaxes come from
// the seeds) beside the testdata registry's manifest: any input gives a
// registry or one positioned error, never a panic.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/model/*.yaml")
	more, _ := filepath.Glob("testdata/*/*.y*ml")
	bad, _ := filepath.Glob("testdata/bad/*/*.yaml")
	for _, s := range append(append(seeds, more...), bad...) {
		if strings.Contains(filepath.Base(s), "manifest") {
			continue
		}
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	manifest, err := os.ReadFile("testdata/shop-v1/manifest.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"manifest.yaml": {Data: manifest},
			"model/a.yaml":  {Data: data},
		}
		// A hang is a failure too, with the input that caused it.
		tm := time.AfterFunc(30*time.Second, func() { panic(fmt.Sprintf("HANG on %q", data)) })
		r, err := readFS(fsys, "reg", "", Options{}, nil)
		tm.Stop()
		checkOneResult(t, r, err)
		if r != nil {
			// Lookups of what was read must not fail either.
			for _, a := range r.Attributes {
				r.Lookup(a.Key + ".x")
				a.ValueType()
			}
			for _, i := range r.Imports {
				i.Matches("http.server.request.duration")
			}
		}
	})
}

// TestEmbeddedVersion: EmbeddedVersion is the version PROVENANCE.md of
// the embedded tables names; regenerating them from another version
// must update it.
func TestEmbeddedVersion(t *testing.T) {
	b, err := os.ReadFile("../semconvtab/registry/PROVENANCE.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "v"+EmbeddedVersion+" plus") && !strings.Contains(string(b), "(v"+EmbeddedVersion+")") {
		t.Errorf("semconvtab/registry/PROVENANCE.md does not name v%s as the tables' version", EmbeddedVersion)
	}
}

func TestWildcard(t *testing.T) {
	for _, c := range []struct {
		pat, s string
		want   bool
	}{
		{"http.*", "http.server.duration", true},
		{"http.*", "https.x", false},
		{"*.duration", "http.server.duration", true},
		{"db.*.ops", "db.client.ops", true},
		{"db.*.ops", "db.client.opsx", false},
		{"service", "service", true},
		{"service", "services", false},
	} {
		if got := wildcard(c.pat, c.s); got != c.want {
			t.Errorf("wildcard(%q, %q) = %v", c.pat, c.s, got)
		}
	}
}
