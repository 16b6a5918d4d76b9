package semconvtab_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab/internal/gentables"
)

// TestNamesGeneratedUpToDate fails when names_gen.go no longer matches
// the semconv packages of the otel module in go.mod or its generator.
func TestNamesGeneratedUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	want, err := gentables.GenerateNames(".")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("names_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("names_gen.go is stale; run: go generate ./internal/semconvtab/")
	}
}

func TestNameIn(t *testing.T) {
	for _, tc := range []struct {
		version, name string
		want          semconvtab.Name
	}{
		{"v1.20.0", "HTTPMethodKey", semconvtab.Name{Name: "HTTPMethodKey", Kind: semconvtab.KindKey, Key: "http.method"}},
		{"v1.20.0", "HTTPMethod", semconvtab.Name{Name: "HTTPMethod", Kind: semconvtab.KindHelper, Key: "http.method", Type: "string"}},
		{"v1.20.0", "HTTPStatusCode", semconvtab.Name{Name: "HTTPStatusCode", Kind: semconvtab.KindHelper, Key: "http.status_code", Type: "int"}},
		{"v1.26.0", "HTTPRequestMethodGet", semconvtab.Name{Name: "HTTPRequestMethodGet", Kind: semconvtab.KindMember, Key: "http.request.method", Value: "GET", Type: "string"}},
		{"v1.26.0", "RPCGRPCStatusCodeNotFound", semconvtab.Name{Name: "RPCGRPCStatusCodeNotFound", Kind: semconvtab.KindMember, Key: "rpc.grpc.status_code", Value: "5", Type: "int"}},
		{"v1.26.0", "SchemaURL", semconvtab.Name{Name: "SchemaURL", Kind: semconvtab.KindString, Value: "https://opentelemetry.io/schemas/1.26.0"}},
		{"v1.4.0", "ExceptionEventName", semconvtab.Name{Name: "ExceptionEventName", Kind: semconvtab.KindString, Value: "exception"}},
		{"v1.43.0", "BrowserBrands", semconvtab.Name{Name: "BrowserBrands", Kind: semconvtab.KindHelper, Key: "browser.brands", Type: "...string"}},
	} {
		if got, ok := semconvtab.NameIn(tc.version, tc.name); !ok || got != tc.want {
			t.Errorf("NameIn(%s, %s) = %+v, %t; want %+v", tc.version, tc.name, got, ok, tc.want)
		}
	}
	// Dropped (HTTPMethodKey from v1.26.0 on), never there, unknown version.
	for _, tc := range [][2]string{{"v1.26.0", "HTTPMethodKey"}, {"v1.26.0", "NoSuchKey"}, {"v1.29.0", "HTTPRequestMethodKey"}, {"", "SchemaURL"}} {
		if got, ok := semconvtab.NameIn(tc[0], tc[1]); ok {
			t.Errorf("NameIn(%s, %s) = %+v, true; want not found", tc[0], tc[1], got)
		}
	}
	// A function that calls the package's own code cannot be compared.
	if got, ok := semconvtab.NameIn("v1.43.0", "ErrorType"); !ok || got.Kind != semconvtab.KindOther || got.Value != "func" {
		t.Errorf("NameIn(v1.43.0, ErrorType) = %+v, %t; want an uncomparable func", got, ok)
	}
	// A templated helper is compared by its code: the same in two versions.
	a, _ := semconvtab.NameIn("v1.42.0", "K8SPodLabel")
	b, _ := semconvtab.NameIn("v1.43.0", "K8SPodLabel")
	if a != b || !strings.HasPrefix(a.Value, "func ") || a.Kind != semconvtab.KindOther {
		t.Errorf("K8SPodLabel: v1.42.0 %+v, v1.43.0 %+v; want one hashed func", a, b)
	}
}

// TestNamesAgreeWithKeys checks the names table against the per-version
// key table that the semconv hints use: every attribute.Key constant of
// every version is a KindKey name with its value, and the other way round.
func TestNamesAgreeWithKeys(t *testing.T) {
	for _, v := range semconvtab.Versions() {
		n := 0
		for name := range semconvtab.NamesIn(v) {
			n++
			if got, ok := semconvtab.NameIn(v, name.Name); !ok || got != name {
				t.Errorf("%s: NamesIn yields %+v, NameIn gives %+v, %t", v, name, got, ok)
			}
			if name.Kind != semconvtab.KindKey {
				continue
			}
			if c, ok := semconvtab.KeyIn(v, name.Key); !ok {
				t.Errorf("%s: %s = %q is a key name, but KeyIn finds no constant", v, name.Name, name.Key)
			} else if got, _ := semconvtab.NameIn(v, c); got.Key != name.Key {
				t.Errorf("%s: KeyIn(%q) = %s, which NameIn says is %+v", v, name.Key, c, got)
			}
		}
		if n == 0 {
			t.Errorf("%s: no names", v)
		}
		if _, ok := semconvtab.NameIn(v, "SchemaURL"); !ok {
			t.Errorf("%s: no SchemaURL", v)
		}
	}
}

func TestMemberAndHelperIn(t *testing.T) {
	if got, ok := semconvtab.MemberIn("v1.26.0", "http.request.method", "GET"); !ok || got != "HTTPRequestMethodGet" {
		t.Errorf(`MemberIn(v1.26.0, http.request.method, GET) = %q, %t`, got, ok)
	}
	if got, ok := semconvtab.MemberIn("v1.26.0", "rpc.grpc.status_code", "5"); !ok || got != "RPCGRPCStatusCodeNotFound" {
		t.Errorf(`MemberIn(v1.26.0, rpc.grpc.status_code, 5) = %q, %t`, got, ok)
	}
	if got, ok := semconvtab.MemberIn("v1.20.0", "http.request.method", "GET"); ok {
		t.Errorf(`MemberIn(v1.20.0, http.request.method, GET) = %q, true; want not found`, got)
	}
	if got, ok := semconvtab.HelperIn("v1.20.0", "http.method"); !ok || got != "HTTPMethod" {
		t.Errorf(`HelperIn(v1.20.0, http.method) = %q, %t`, got, ok)
	}
	if got, ok := semconvtab.HelperIn("v1.26.0", "http.method"); ok {
		t.Errorf(`HelperIn(v1.26.0, http.method) = %q, true; want not found`, got)
	}
	// Every member and helper of every version is found by its key.
	for _, v := range semconvtab.Versions() {
		for n := range semconvtab.NamesIn(v) {
			switch n.Kind {
			case semconvtab.KindMember:
				if got, ok := semconvtab.MemberIn(v, n.Key, n.Value); !ok {
					t.Errorf("%s: MemberIn(%q, %q) not found (%s)", v, n.Key, n.Value, n.Name)
				} else if m, _ := semconvtab.NameIn(v, got); m.Key != n.Key || m.Value != n.Value {
					t.Errorf("%s: MemberIn(%q, %q) = %s, which is %+v", v, n.Key, n.Value, got, m)
				}
			case semconvtab.KindHelper:
				if got, ok := semconvtab.HelperIn(v, n.Key); !ok {
					t.Errorf("%s: HelperIn(%q) not found (%s)", v, n.Key, n.Name)
				} else if h, _ := semconvtab.NameIn(v, got); h.Key != n.Key {
					t.Errorf("%s: HelperIn(%q) = %s, which is %+v", v, n.Key, got, h)
				}
			}
		}
	}
}

func BenchmarkNameIn(b *testing.B) {
	names := []string{"HTTPRequestMethodKey", "SchemaURL", "ZOSSmfIDKey", "NoSuchName"}
	for i := 0; b.Loop(); i++ {
		semconvtab.NameIn("v1.26.0", names[i%len(names)])
	}
}

func BenchmarkMemberIn(b *testing.B) {
	for b.Loop() {
		semconvtab.MemberIn("v1.43.0", "http.request.method", "GET")
	}
}

// nameVersions must be Versions(): the masks of both tables use its order.
func TestNameVersions(t *testing.T) {
	for _, v := range semconvtab.Versions() {
		if _, ok := semconvtab.NameIn(v, "SchemaURL"); !ok {
			t.Errorf("NameIn(%s, SchemaURL) not found: the name masks do not cover Versions()", v)
		}
	}
}
