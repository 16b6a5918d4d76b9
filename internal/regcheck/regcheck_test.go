package regcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The testdata module's registries, shared with the analyzer's tests.
var module = filepath.Join("..", "..", "testdata", "src")

func TestLoaderReadsOncePerRoot(t *testing.T) {
	root, err := filepath.Abs(module)
	if err != nil {
		t.Fatal(err)
	}
	l := NewLoader("telemetry/v1", nil)
	a, err := l.For(root)
	if err != nil {
		t.Fatal(err)
	}
	b, err := l.For(root)
	if err != nil || a != b {
		t.Errorf("second For: %p, %v; want the first registry, %p", b, err, a)
	}
	if got := a.Display(filepath.Join(root, "telemetry", "v1", "model", "shop.yaml")); got != filepath.Join("telemetry", "v1", "model", "shop.yaml") {
		t.Errorf("Display = %q, want the path from the module root", got)
	}
	if NewLoader("", nil) != nil {
		t.Error("a loader without -registry")
	}
}

func TestBadRegistryNamedFromTheModuleRoot(t *testing.T) {
	root, _ := filepath.Abs(module)
	_, err := NewLoader("telemetry/bad", nil).For(root)
	want := `telemetry/bad/model/shop.yaml:18:14: ref "shop.order.idd" names no attribute of the registry or its dependencies`
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

func TestUndeclared(t *testing.T) {
	root, _ := filepath.Abs(module)
	reg, err := NewLoader("telemetry/v2", nil).For(root)
	if err != nil {
		t.Fatal(err)
	}
	sites := []Site{
		{Value: "shop.order.id", Role: Key},
		{Value: "shop.request.header.x_id", Role: Key}, // a template's key
		{Value: "http.request.method", Role: Key},      // the upstream dependency's
		{Value: "shop.order.placed", Role: Event},
		{Value: "shop.order.id", Role: Event},     // a key is no event
		{Value: "shop.request.header", Role: Key}, // the template itself
		{Value: "shop.customer.levl", Role: Key},
		{Value: "shop.orders", Role: Metric},
		{Value: "http.server.request.duration", Role: Metric}, // the upstream dependency's (embedded)
		{Value: "shop.order.id", Role: Metric},                // a key is no metric
	}
	want := []string{
		`event name "shop.order.id" is not declared in the registry (telemetry/v2/model/shop.yaml); declare it or use a declared event`,
		`attribute key "shop.request.header" is a template in the registry (telemetry/v2/model/shop.yaml): the keys it declares are shop.request.header.<name>`,
		`attribute key "shop.customer.levl" is not declared in the registry (telemetry/v2/model/shop.yaml); declare it or use a declared key: did you mean "shop.customer.level"?`,
		`metric name "shop.order.id" is not declared in the registry (telemetry/v2/model/shop.yaml); declare it or use a declared metric`,
	}
	ds := Undeclared(reg, sites)
	if len(ds) != len(want) {
		t.Fatalf("%d diagnostics, want %d: %+v", len(ds), len(want), ds)
	}
	for i, d := range ds {
		if d.Message != want[i] || d.Category != "undeclared" {
			t.Errorf("%s: %s\nwant %s", d.Category, d.Message, want[i])
		}
	}
}

func TestDeclaredMetric(t *testing.T) {
	root, _ := filepath.Abs(module)
	reg, err := NewLoader("telemetry/v1", nil).For(root)
	if err != nil {
		t.Fatal(err)
	}
	m, where, ok := reg.DeclaredMetric("shop.checkout.duration")
	if !ok || m.Instrument != "histogram" || m.Unit != "s" || !strings.HasPrefix(where, "telemetry/v1/model/shop.yaml:") {
		t.Errorf("shop.checkout.duration: %+v, %q, %v", m, where, ok)
	}
	m, where, ok = reg.DeclaredMetric("http.server.request.duration")
	if !ok || m.Instrument != "histogram" || where != "https://opentelemetry.io/schemas/1.37.0" {
		t.Errorf("http.server.request.duration: %+v, %q, %v; want the upstream dependency's", m, where, ok)
	}
}

// A loader that shares its registries (go vet's processes) leaves the
// registry it read for the next process, which decodes it without the
// YAML: here, after the registry's files are gone.
func TestShareIn(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(filepath.Join(root, "telemetry"), os.DirFS(filepath.Join(module, "telemetry", "v1"))); err != nil {
		t.Fatal(err)
	}
	shared := t.TempDir()
	first := NewLoader("telemetry", nil)
	first.ShareIn(shared)
	a, err := first.For(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(root, "telemetry")); err != nil {
		t.Fatal(err)
	}
	next := NewLoader("telemetry", nil)
	next.ShareIn(shared)
	b, err := next.For(root)
	if err != nil {
		t.Fatalf("the next process: %v", err)
	}
	if len(a.Attributes) == 0 || len(b.Attributes) != len(a.Attributes) {
		t.Errorf("%d attributes decoded, %d read", len(b.Attributes), len(a.Attributes))
	}
	ds := Undeclared(b, []Site{{Value: "shop.order.totl", Role: Key}, {Value: "http.request.method", Role: Key}})
	want := `attribute key "shop.order.totl" is not declared in the registry (telemetry/model/shop.yaml); declare it or use a declared key: did you mean "shop.order.total"?`
	if len(ds) != 1 || ds[0].Message != want {
		t.Errorf("decoded registry: %+v; want one: %s", ds, want)
	}
	// Without sharing, the files are needed.
	if _, err := NewLoader("telemetry", nil).For(root); err == nil {
		t.Error("read a registry that is gone")
	}
}
