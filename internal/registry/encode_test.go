package registry

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

// A registry decoded from its encoding is the registry read: the same
// declarations, dependencies (a local one's own registry too) and lookups,
// including those that fall through to the embedded conventions.
func TestEncodeDecode(t *testing.T) {
	for _, dir := range []string{"shop-v1", "shop-v2", "withdeps"} {
		t.Run(dir, func(t *testing.T) {
			r, err := Read(filepath.Join("testdata", dir), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := r.Encode(&buf); err != nil {
				t.Fatal(err)
			}
			d, err := Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(snapshotOf(r), snapshotOf(d)) {
				t.Errorf("decoded:\n%+v\nread:\n%+v", snapshotOf(d), snapshotOf(r))
			}
			for _, a := range r.Attributes {
				if got, ok := d.Attribute(a.Key); !ok || !reflect.DeepEqual(got, a) {
					t.Errorf("Attribute(%q) = %+v, %v; want %+v", a.Key, got, ok, a)
				}
			}
			for _, key := range []string{"http.request.method", "shop.request.header.x_id", "platform.region", "no.such.key"} {
				a1, ok1 := r.Lookup(key)
				a2, ok2 := d.Lookup(key)
				if ok1 != ok2 || !reflect.DeepEqual(a1, a2) {
					t.Errorf("Lookup(%q): read %+v %v, decoded %+v %v", key, a1, ok1, a2, ok2)
				}
			}
			if r.CoversSpans() != d.CoversSpans() {
				t.Error("CoversSpans differs")
			}
		})
	}
	if _, err := Decode(bytes.NewReader([]byte("not gob"))); err == nil {
		t.Error("Decode of garbage: no error")
	}
}

// BenchmarkDecode decodes the 2,000-attribute registry that Encode wrote:
// what each go vet process after the first pays instead of BenchmarkRead.
func BenchmarkDecode(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "registry")
	gen := exec.Command("go", "-C", "../../bench", "run", "./registrygen", "-o", dir, "-attrs", "2000", "-syntax", "v1")
	gen.Stderr = os.Stderr
	if err := gen.Run(); err != nil {
		b.Fatalf("%s: %v", gen, err)
	}
	r, err := Read(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Encode(&buf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.ReportAllocs()
	cpu0, ok := cpuTime()
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
	if cpu1, _ := cpuTime(); ok {
		b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
	}
	b.ReportMetric(float64(len(data)), "bytes")
}
