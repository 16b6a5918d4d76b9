package semconvtab_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab/internal/gentables"
)

// TestGeneratedUpToDate fails when tables_gen.go no longer matches its
// sources: a new otel version in go.mod, an edited registry/*.tsv, or
// a changed generator.
func TestGeneratedUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	want, err := gentables.Generate(".")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("tables_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("tables_gen.go is stale; run: go generate ./internal/semconvtab/")
	}
}

func TestVersion(t *testing.T) {
	if !strings.HasSuffix(semconvtab.ImportPath, "/"+semconvtab.Version) {
		t.Errorf("ImportPath %q does not end in Version %q", semconvtab.ImportPath, semconvtab.Version)
	}
}

func TestKeyConst(t *testing.T) {
	for _, tc := range []struct{ key, want string }{
		{"server.port", "ServerPortKey"},
		{"http.request.method", "HTTPRequestMethodKey"},
		{"db.system.name", "DBSystemNameKey"},
		{"android.app.state", "AndroidAppStateKey"}, // first entry
	} {
		if got, ok := semconvtab.KeyConst(tc.key); !ok || got != tc.want {
			t.Errorf("KeyConst(%q) = %q, %t; want %q, true", tc.key, got, ok, tc.want)
		}
	}
	// Not keys: made up, a prefix of a key, a key with a trailing
	// dot, a deprecated key (dropped from Go semconv since v1.36.0),
	// and an event name.
	for _, key := range []string{"server.prot", "server", "server.port.", "http.method", "exception", ""} {
		if got, ok := semconvtab.KeyConst(key); ok {
			t.Errorf("KeyConst(%q) = %q, true; want not found", key, got)
		}
	}
}

func TestEventConst(t *testing.T) {
	if got, ok := semconvtab.EventConst("exception"); !ok || got != "ExceptionEventName" {
		t.Errorf(`EventConst("exception") = %q, %t; want "ExceptionEventName", true`, got, ok)
	}
	if got, ok := semconvtab.EventConst("exceptions"); ok {
		t.Errorf(`EventConst("exceptions") = %q, true; want not found`, got)
	}
}

func TestLookupAttribute(t *testing.T) {
	want := semconvtab.Attribute{Key: "http.request.method", Type: "enum", Stability: "stable"}
	if got, ok := semconvtab.LookupAttribute("http.request.method"); !ok || got != want {
		t.Errorf("LookupAttribute(http.request.method) = %+v, %t; want %+v, true", got, ok, want)
	}
	for _, key := range []string{"http.method", "no.such.key"} {
		if got, ok := semconvtab.LookupAttribute(key); ok {
			t.Errorf("LookupAttribute(%q) = %+v, true; want not found", key, got)
		}
	}
}

func TestLookupDeprecated(t *testing.T) {
	d, ok := semconvtab.LookupDeprecated("http.method")
	if !ok || d.Reason != "renamed" || d.RenamedTo != "http.request.method" {
		t.Errorf("LookupDeprecated(http.method) = %+v, %t; want renamed to http.request.method", d, ok)
	}
	d, ok = semconvtab.LookupDeprecated("db.connection_string")
	if !ok || d.Reason != "uncategorized" || d.RenamedTo != "" || !strings.Contains(d.Note, "`server.address`") {
		t.Errorf("LookupDeprecated(db.connection_string) = %+v, %t; want uncategorized with a note", d, ok)
	}
	if d, ok := semconvtab.LookupDeprecated("http.request.method"); ok {
		t.Errorf("LookupDeprecated(http.request.method) = %+v, true; want not found", d)
	}
}

func TestLookupEvent(t *testing.T) {
	for _, want := range []semconvtab.Event{
		{Name: "exception", Stability: "stable"},
		{Name: "rpc.message", Stability: "development", Deprecated: true},
	} {
		if got, ok := semconvtab.LookupEvent(want.Name); !ok || got != want {
			t.Errorf("LookupEvent(%q) = %+v, %t; want %+v, true", want.Name, got, ok, want)
		}
	}
	if got, ok := semconvtab.LookupEvent("server.port"); ok {
		t.Errorf("LookupEvent(server.port) = %+v, true; want not found", got)
	}
}

// TestRegistryComplete checks that every data row of the copied
// registry files made it into the tables, and can be found.
func TestRegistryComplete(t *testing.T) {
	attrs := dataRows(t, "attributes.tsv")
	if n := len(semconvtab.Attributes()); n != len(attrs) {
		t.Errorf("Attributes() has %d entries, attributes.tsv %d rows", n, len(attrs))
	}
	for _, f := range attrs {
		if _, ok := semconvtab.LookupAttribute(f[0]); !ok {
			t.Errorf("LookupAttribute(%q) not found", f[0])
		}
	}
	for _, f := range dataRows(t, "deprecated-attributes.tsv") {
		if d, ok := semconvtab.LookupDeprecated(f[0]); !ok || d.Reason != f[1] || d.RenamedTo != f[2] {
			t.Errorf("LookupDeprecated(%q) = %+v, %t; want reason %q, renamed_to %q", f[0], d, ok, f[1], f[2])
		}
	}
	for _, f := range dataRows(t, "events.tsv") {
		if e, ok := semconvtab.LookupEvent(f[0]); !ok || e.Deprecated != (f[2] == "deprecated") {
			t.Errorf("LookupEvent(%q) = %+v, %t; want deprecated=%t", f[0], e, ok, f[2] == "deprecated")
		}
	}
	if !slices.IsSortedFunc(semconvtab.Attributes(), func(a, b semconvtab.Attribute) int {
		return strings.Compare(a.Key, b.Key)
	}) {
		t.Error("Attributes() is not sorted by key")
	}
}

// dataRows returns the tab-separated fields of the non-header lines
// of registry/name.
func dataRows(t *testing.T, name string) [][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("registry", name))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			rows = append(rows, strings.Split(line, "\t"))
		}
	}
	if len(rows) == 0 {
		t.Fatalf("registry/%s has no rows", name)
	}
	return rows
}

func BenchmarkKeyConst(b *testing.B) {
	keys := []string{"server.port", "http.request.method", "zos.smf.id", "no.such.key"}
	for i := 0; b.Loop(); i++ {
		semconvtab.KeyConst(keys[i%len(keys)])
	}
}
