package metricrules_test

import (
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/internal/metricrules"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// loadMeter loads go.opentelemetry.io/otel/metric at the release the
// semconv tables are generated from (the otelpin module) and returns its
// Meter interface.
func loadMeter(t *testing.T) *types.Interface {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: "../semconvtab/otelpin", Env: testsupport.OfflineEnv()}, "go.opentelemetry.io/otel/metric")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("loading go.opentelemetry.io/otel/metric: %v", pkgs[0].Errors)
	}
	obj := pkgs[0].Types.Scope().Lookup("Meter")
	if obj == nil {
		t.Fatal("no Meter in go.opentelemetry.io/otel/metric")
	}
	return obj.Type().Underlying().(*types.Interface)
}

// Every method of the real Meter interface that returns an instrument is
// a key of ConstructorKind, under its types.Func full name, with the kind
// its result type says; and there are no other keys.
func TestConstructorKindMatchesMeter(t *testing.T) {
	meter := loadMeter(t)
	seen := 0
	for i := range meter.NumMethods() {
		m := meter.Method(i)
		res := m.Signature().Results()
		if !m.Exported() { // embedded.Meter's meter(), which keeps others from implementing Meter
			continue
		}
		if m.Name() == "RegisterCallback" {
			if _, ok := metricrules.ConstructorKind(m.FullName()); ok {
				t.Errorf("ConstructorKind(%s) found; RegisterCallback makes no instrument", m.FullName())
			}
			continue
		}
		seen++
		k, ok := metricrules.ConstructorKind(m.FullName())
		if !ok {
			t.Errorf("ConstructorKind(%s) not found", m.FullName())
			continue
		}
		if res.Len() != 2 {
			t.Fatalf("%s returns %d results", m.FullName(), res.Len())
		}
		// The result type names the kind: Float64ObservableUpDownCounter.
		rt := res.At(0).Type().(*types.Named).Obj().Name()
		want := rt
		want = strings.TrimPrefix(strings.TrimPrefix(want, "Int64"), "Float64")
		obs := strings.HasPrefix(want, "Observable")
		want = strings.ToLower(strings.TrimPrefix(want, "Observable"))
		num := strings.ToLower(strings.TrimSuffix(rt, strings.TrimPrefix(strings.TrimPrefix(rt, "Int64"), "Float64")))
		if k.Instrument != want || k.Observable != obs || k.Number != num {
			t.Errorf("ConstructorKind(%s) = %+v; its result %s says %s, observable %v, %s", m.FullName(), k, rt, want, obs, num)
		}
	}
	if seen != 14 || len(metricrules.ConstructorNames()) != seen {
		t.Errorf("Meter has %d constructors, ConstructorKind knows %d; want 14 each", seen, len(metricrules.ConstructorNames()))
	}
	for _, n := range metricrules.ConstructorNames() {
		name := n[strings.LastIndexByte(n, '.')+1:]
		obj, _, _ := types.LookupFieldOrMethod(meter, false, nil, name)
		if f, ok := obj.(*types.Func); !ok || f.FullName() != n {
			t.Errorf("ConstructorKind key %s is no method of the real Meter", n)
		}
	}
	// Not constructors: a method of another interface, a function.
	for _, n := range []string{"(go.opentelemetry.io/otel/metric.MeterProvider).Meter", "go.opentelemetry.io/otel/metric.WithUnit", "(go.opentelemetry.io/otel/metric.Meter).RegisterCallback"} {
		if k, ok := metricrules.ConstructorKind(n); ok {
			t.Errorf("ConstructorKind(%s) = %+v, want not found", n, k)
		}
	}
}

// InstrumentOf maps the type every semconv instrument embeds to the
// instrument the registry states for its metric, in the newest semconv
// version: the same mapping that the Meter methods have. The registry copy
// is of a newer model (v1.44.0 plus 22 commits) than the newest Go package
// (v1.43.0), which made three memory-usage metrics up-down counters.
func TestInstrumentOfAgreesWithRegistry(t *testing.T) {
	versions := semconvtab.Versions()
	newest := versions[len(versions)-1]
	changed := map[string]string{ // metric: the instrument of newest's Go package
		"container.memory.usage": "counter",
		"k8s.node.memory.usage":  "gauge",
		"k8s.pod.memory.usage":   "gauge",
	}
	n := 0
	for _, m := range semconvtab.Metrics() {
		for _, g := range semconvtab.MetricNamesIn(newest, m.Name) {
			n++
			got, ok := metricrules.InstrumentOf(g.Kind)
			want := m.Instrument
			if c, ok := changed[m.Name]; ok {
				want = c
			}
			if !ok || got != want {
				t.Errorf("%s.%s embeds %s: InstrumentOf = %q, %v; want %s (registry: %s)", g.Package, g.Type, g.Kind, got, ok, want, m.Instrument)
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d instruments checked", n)
	}
	if _, ok := metricrules.InstrumentOf("Meter"); ok {
		t.Error("InstrumentOf(Meter) found")
	}
}
