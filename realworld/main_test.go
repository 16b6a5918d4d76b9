package main

import (
	"slices"
	"testing"
)

func TestParseModules(t *testing.T) {
	mods, err := parseModules("a=example.com/x/v2@v2.0.0:-constants=example.com/x/k:-test=false example.com/y@v1.0.0", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(mods) != 2 || mods[0].Label != "a" || mods[0].dir() != "x@v2.0.0" || !slices.Equal(mods[0].Flags, []string{"-constants=example.com/x/k", "-test=false"}) {
		t.Errorf("first module: %+v", mods[0])
	}
	if mods[1].Label != "y" || mods[1].Path != "example.com/y" || mods[1].Flags != nil {
		t.Errorf("second module: %+v", mods[1])
	}
	if mods, _ := parseModules(defaultModules, "otelhttp"); len(mods) != 1 || mods[0].Label != "otelhttp" {
		t.Errorf("-only otelhttp: %+v", mods)
	}
	if _, err := parseModules("nope", ""); err == nil {
		t.Error("no error for a module without a version")
	}
}

func TestParseAndDedup(t *testing.T) {
	data := []byte(`{
	"p": {"spanattrlint": [
		{"posn": "/m/a.go:3:1", "message": "hard-coded attribute key \"k\": no constant defines it"},
		{"posn": "/m/a.go:10:2", "message": "hard-coded event name \"e\": use pkg.E", "suggested_fixes": [{"message": "Use pkg.E", "edits": []}]},
		{"posn": "/m/a.go:10:2", "category": "naming", "message": "attribute key \"e\" breaks ..."}
	]},
	"p [p.test]": {"spanattrlint": [
		{"posn": "/m/a.go:3:1", "message": "hard-coded attribute key \"k\": use wantKey", "suggested_fixes": [{"message": "Use wantKey", "edits": []}]},
		{"posn": "/m/a.go:10:2", "message": "hard-coded event name \"e\": use pkg.E", "suggested_fixes": [{"message": "Use pkg.E", "edits": []}]},
		{"posn": "/m/a.go:10:2", "category": "naming", "message": "attribute key \"e\" breaks ..."}
	]},
	"q": {"spanattrlint": {"error": "boom"}}
}`)
	diags, errs, err := parseJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(errs, []string{"q: boom"}) {
		t.Errorf("errors: %q", errs)
	}
	uniq, disagree := dedup(diags)
	var got []string
	for _, d := range uniq {
		got = append(got, d.Posn+" "+d.kind()+"/"+d.outcome())
	}
	want := []string{
		"/m/a.go:3:1 attribute key/none",
		"/m/a.go:3:1 attribute key/fix",
		"/m/a.go:10:2 attribute key/naming",
		"/m/a.go:10:2 event name/fix",
	}
	if !slices.Equal(got, want) {
		t.Errorf("dedup:\n got %q\nwant %q", got, want)
	}
	if len(disagree) != 1 {
		t.Errorf("disagreements: %q", disagree)
	}
}

func TestVetLines(t *testing.T) {
	before := vetLines("# p\n/m/a.go:3:4: printf: bad verb\n", "/m")
	after := vetLines("# p\n/f/a.go:4:4: printf: bad verb\n/f/b.go:1:1: unusedresult: x\n", "/f")
	if got := multisetMinus(after, before); !slices.Equal(got, []string{"b.go: unusedresult: x"}) {
		t.Errorf("new vet lines: %q", got)
	}
}

func TestHintOutcome(t *testing.T) {
	d := &diag{Message: `hard-coded attribute key "server.port": use semconv.ServerPortKey (import "go.opentelemetry.io/otel/semconv/v1.43.0")`}
	if d.outcome() != "hint" || d.kind() != "attribute key" {
		t.Errorf("%s/%s", d.kind(), d.outcome())
	}
}
