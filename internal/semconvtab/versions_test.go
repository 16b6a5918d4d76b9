package semconvtab_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/semver"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab/internal/gentables"
)

// otelDir is the otel module the tables were generated from, in the
// module cache that "go mod download" filled.
func otelDir(t *testing.T) string {
	t.Helper()
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		home, _ := os.UserHomeDir()
		cache = filepath.Join(home, "go", "pkg", "mod")
		if gp := os.Getenv("GOPATH"); gp != "" {
			cache = filepath.Join(filepath.SplitList(gp)[0], "pkg", "mod")
		}
	}
	dir := filepath.Join(cache, "go.opentelemetry.io", "otel@"+otelVersion(t))
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("otel module not in the module cache: %v", err)
	}
	return dir
}

// otelVersion is the otel version that otelpin/go.mod pins.
func otelVersion(t *testing.T) string {
	data, err := os.ReadFile(filepath.Join(gentables.OtelPinDir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "go.opentelemetry.io/otel" {
			return f[1]
		}
	}
	t.Fatal(gentables.OtelPinDir + "/go.mod requires no go.opentelemetry.io/otel")
	return ""
}

// The versions are the semconv/vX.Y.Z directories of the pinned otel
// module, oldest first, and the newest is ImportPath's.
func TestVersions(t *testing.T) {
	ents, err := os.ReadDir(filepath.Join(otelDir(t), "semconv"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, e := range ents {
		if v := e.Name(); e.IsDir() && semver.IsValid(v) {
			want = append(want, v)
		}
	}
	semver.Sort(want)
	got := semconvtab.Versions()
	if !slices.Equal(got, want) {
		t.Errorf("Versions() = %v\nwant the directories %v", got, want)
	}
	if n := got[len(got)-1]; semconvtab.BasePath+"/"+n != semconvtab.ImportPath {
		t.Errorf("newest version %s, ImportPath %s", n, semconvtab.ImportPath)
	}
	// Every version is shipped by the pinned otel release or an older one.
	for _, v := range got {
		if r, ok := semconvtab.FirstOtel(v); !ok || semver.Compare(r, otelVersion(t)) > 0 {
			t.Errorf("FirstOtel(%s) = %s, %t; want a release no newer than %s", v, r, ok, otelVersion(t))
		}
	}
}

// Keys known to be in, and not in, given versions; checked against the
// sources in the module cache too.
func TestKeyIn(t *testing.T) {
	dir := otelDir(t)
	for _, tc := range []struct {
		version, key, want string
	}{
		{"v1.26.0", "session.id", "SessionIDKey"},
		{"v1.4.0", "http.method", "HTTPMethodKey"},
		{"v1.26.0", "server.port", "ServerPortKey"},
		{"v1.43.0", "http.request.method", "HTTPRequestMethodKey"},
		{"v1.21.0", "session.id", ""},  // added in v1.22.0
		{"v1.43.0", "http.method", ""}, // dropped with the deprecated keys in v1.36.0
		{"v1.4.0", "server.port", ""},  // net.host.port then
		{"v9.9.9", "session.id", ""},   // no such version
		{"v1.26.0", "session.idx", ""}, // no such key
		{"v1.26.0", "exception", ""},   // an event name, not a key
	} {
		got, ok := semconvtab.KeyIn(tc.version, tc.key)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("KeyIn(%s, %q) = %q, %t; want %q", tc.version, tc.key, got, ok, tc.want)
		}
		if tc.want == "" || tc.version == "v9.9.9" {
			continue
		}
		// The constant is declared so in that version's source.
		decl := tc.want + " = attribute.Key(" + `"` + tc.key + `")`
		if !sourceHas(t, filepath.Join(dir, "semconv", tc.version), decl) {
			t.Errorf("semconv/%s declares no %s", tc.version, decl)
		}
	}
	if got, ok := semconvtab.EventIn("v1.26.0", "exception"); !ok || got != "ExceptionEventName" {
		t.Errorf(`EventIn(v1.26.0, "exception") = %q, %t`, got, ok)
	}
}

func sourceHas(t *testing.T, dir, text string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.Join(strings.Fields(string(data)), " "), text) {
			return true
		}
	}
	return false
}

// The otel -> semconv mapping, for releases whose contents are facts:
// otel v1.28.0's newest semconv package is v1.26.0 (ory/kratos v1.3.1
// builds with it; registry/otel-releases.tsv was made from the module
// proxy), v1.0.1 ships only v1.4.0, and the pinned release ships every
// version in its module directory.
func TestVersionsIn(t *testing.T) {
	for _, tc := range []struct {
		otel, newest string
		n            int
	}{
		{"v1.0.1", "v1.4.0", 1},
		{"v1.28.0", "v1.26.0", 24},
		{"v1.29.0", "v1.26.0", 24},
		{"v1.35.0", "v1.30.0", 27},
		{"v1.45.0", "v1.43.0", 39},
		{"v1.99.0", "v1.43.0", 39}, // newer than the tables: all they know
	} {
		got := semconvtab.VersionsIn(tc.otel)
		if len(got) != tc.n || got[len(got)-1] != tc.newest {
			t.Errorf("VersionsIn(%s) = %d versions up to %v; want %d up to %s", tc.otel, len(got), got[len(got)-1:], tc.n, tc.newest)
		}
	}
	if got := semconvtab.VersionsIn("v0.20.0"); len(got) != 0 {
		t.Errorf("VersionsIn(v0.20.0) = %v, want none", got)
	}
	if got := semconvtab.VersionsIn(otelVersion(t)); !slices.Equal(got, semconvtab.Versions()) {
		t.Errorf("VersionsIn(%s) = %v, want every version", otelVersion(t), got)
	}
}

func TestNewestVersion(t *testing.T) {
	for otel, want := range map[string]string{"v1.28.0": "v1.26.0", "v1.0.1": "v1.4.0", "v0.20.0": "", "": semconvtab.Version, "v1.99.0": semconvtab.Version} {
		if got := semconvtab.NewestVersion(otel); got != want {
			t.Errorf("NewestVersion(%q) = %q, want %q", otel, got, want)
		}
	}
}

func TestKeySinceAfter(t *testing.T) {
	want := semconvtab.Const{Version: "v1.22.0", Name: "SessionIDKey", Otel: "v1.22.0"}
	if got, ok := semconvtab.KeySince("v1.26.0", "session.id"); !ok || got != want {
		t.Errorf("KeySince(v1.26.0, session.id) = %+v, %t; want %+v", got, ok, want)
	}
	if got := want.ImportPath(); got != "go.opentelemetry.io/otel/semconv/v1.22.0" {
		t.Errorf("ImportPath() = %s", got)
	}
	if got, ok := semconvtab.KeySince("v1.21.0", "session.id"); ok {
		t.Errorf("KeySince(v1.21.0, session.id) = %+v, want none", got)
	}
	// otel v1.21.0 ships up to semconv v1.21.0, before session.id: the
	// smallest upgrade is to otel v1.22.0.
	if got, ok := semconvtab.KeyAfter("v1.21.0", "session.id"); !ok || got != want {
		t.Errorf("KeyAfter(v1.21.0, session.id) = %+v, %t; want %+v", got, ok, want)
	}
	if got, ok := semconvtab.KeyAfter("", "session.id"); !ok || got != want {
		t.Errorf(`KeyAfter("", session.id) = %+v, %t; want %+v`, got, ok, want)
	}
	// http.method was dropped with the deprecated keys in v1.36.0.
	if got, ok := semconvtab.KeyAfter("v1.36.0", "http.method"); ok {
		t.Errorf("KeyAfter(v1.36.0, http.method) = %+v, want none", got)
	}
	if got, ok := semconvtab.EventSince("v1.26.0", "exception"); !ok || got.Version != "v1.4.0" || got.Name != "ExceptionEventName" {
		t.Errorf("EventSince(v1.26.0, exception) = %+v, %t", got, ok)
	}
}
